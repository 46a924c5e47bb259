using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace CustomerSuccess.Core.Crm;

/// <summary>What the account's CRM has for one object: its typed properties and its pipelines.</summary>
/// <remarks>
/// <para>A snapshot the caller builds from HubSpot (the library does no I/O); property names and pipeline ids are
/// compared ordinally.</para>
/// <threadsafety>Immutable; thread-safe.</threadsafety>
/// </remarks>
public sealed class CrmObjectSchema
{
    private readonly ImmutableDictionary<string, CrmProperty> _properties;
    private readonly ImmutableDictionary<string, CrmPipeline> _pipelines;

    /// <summary>Initializes the schema of one object.</summary>
    /// <param name="objectType">The object.</param>
    /// <param name="properties">Its properties; names must be unique.</param>
    /// <param name="pipelines">Its pipelines (may be empty); ids must be unique.</param>
    /// <exception cref="ArgumentNullException"><paramref name="properties"/>, <paramref name="pipelines"/> or an
    /// element of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="objectType"/> is <c>default</c>; a property name or
    /// pipeline id is blank or repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A property has a type that is not a defined <see cref="CrmPropertyType"/>.</exception>
    public CrmObjectSchema(CrmObjectType objectType, IEnumerable<CrmProperty> properties, IEnumerable<CrmPipeline>? pipelines = null)
    {
        CrmObjectType.ThrowIfDefault(objectType, nameof(objectType));
        ArgumentNullException.ThrowIfNull(properties);
        var props = ImmutableDictionary.CreateBuilder<string, CrmProperty>(StringComparer.Ordinal);
        var propertyList = ImmutableArray.CreateBuilder<CrmProperty>();
        foreach (var property in properties)
        {
            ArgumentNullException.ThrowIfNull(property, nameof(properties));
            ArgumentException.ThrowIfNullOrWhiteSpace(property.Name, nameof(properties));
            if (!Enum.IsDefined(property.Type))
            {
                throw new ArgumentOutOfRangeException(nameof(properties), property.Type, $"Property '{property.Name}' of {objectType} has an unknown type.");
            }

            if (!props.TryAdd(property.Name, property))
            {
                throw new ArgumentException($"Property '{property.Name}' is listed twice for {objectType}.", nameof(properties));
            }

            propertyList.Add(property);
        }

        var pipes = ImmutableDictionary.CreateBuilder<string, CrmPipeline>(StringComparer.Ordinal);
        var pipelineList = ImmutableArray.CreateBuilder<CrmPipeline>();
        foreach (var pipeline in pipelines ?? [])
        {
            ArgumentNullException.ThrowIfNull(pipeline, nameof(pipelines));
            ArgumentException.ThrowIfNullOrWhiteSpace(pipeline.Id, nameof(pipelines));
            if (!pipes.TryAdd(pipeline.Id, pipeline))
            {
                throw new ArgumentException($"Pipeline '{pipeline.Id}' is listed twice for {objectType}.", nameof(pipelines));
            }

            pipelineList.Add(pipeline);
        }

        ObjectType = objectType;
        _properties = props.ToImmutable();
        _pipelines = pipes.ToImmutable();
        Properties = propertyList.ToImmutable();
        Pipelines = pipelineList.ToImmutable();
    }

    /// <summary>Gets the object.</summary>
    public CrmObjectType ObjectType { get; }

    /// <summary>Gets the object's properties in the order given.</summary>
    public IReadOnlyList<CrmProperty> Properties { get; }

    /// <summary>Gets the object's pipelines in the order given.</summary>
    public IReadOnlyList<CrmPipeline> Pipelines { get; }

    /// <summary>Finds a property by name.</summary>
    /// <param name="name">The property's internal name (ordinal).</param>
    /// <returns>The property, or <see langword="null"/>.</returns>
    public CrmProperty? FindProperty(string name) => name is not null && _properties.TryGetValue(name, out var p) ? p : null;

    /// <summary>Determines whether the object has a pipeline with the given id.</summary>
    /// <param name="pipelineId">The pipeline id (ordinal).</param>
    /// <returns><see langword="true"/> if it exists.</returns>
    public bool HasPipeline(string pipelineId) => pipelineId is not null && _pipelines.ContainsKey(pipelineId);
}
