namespace CustomerSuccess.Core.Crm;

/// <summary>A pipeline of a CRM object (services or revenue), as a settings picker sees it.</summary>
/// <param name="Id">The pipeline's id, unique within its object (compared ordinally).</param>
/// <param name="Label">The pipeline's display label.</param>
public sealed record CrmPipeline(string Id, string Label);
