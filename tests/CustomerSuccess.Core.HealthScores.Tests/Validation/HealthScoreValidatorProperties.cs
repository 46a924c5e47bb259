using System.Linq;
using CustomerSuccess.Core.HealthScores.Tests.Definitions;
using CustomerSuccess.Core.HealthScores.Validation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerSuccess.Core.HealthScores.Tests.Validation;

public sealed class HealthScoreValidatorProperties
{
    [Property(MaxTest = 300)]
    [Trait("Rule", "83")]
    public Property Validate_AnyDefinition_NeverThrowsAndActivationIsStricterThanDraft() =>
        Prop.ForAll(Arb.From(DefinitionGenerators.WildDefinition), d =>
        {
            ValidationReport draft = HealthScoreValidator.Validate(d, ValidationMode.Draft);
            ValidationReport activation = HealthScoreValidator.Validate(d, ValidationMode.Activation);
            bool superset = draft.Problems.All(p => activation.Problems.Contains(p));
            bool isValidMatchesErrors = activation.IsSuccess == !activation.Errors.Any() && draft.IsSuccess == !draft.Errors.Any();
            bool wellFormed = activation.Problems.All(p => p.Code.StartsWith("health_score.", System.StringComparison.Ordinal) && p.Message.Length > 0);
            return superset && isValidMatchesErrors && wellFormed && (!activation.IsSuccess || draft.IsSuccess);
        });

    [Property(MaxTest = 200)]
    [Trait("Rule", "78")]
    public Property Validate_GeneratedValidDefinition_HasNoErrors() =>
        Prop.ForAll(Arb.From(DefinitionGenerators.ValidDefinition), d =>
            HealthScoreValidator.Validate(d, ValidationMode.Activation).IsSuccess
            && d.MaxPointsSum == HealthScoreDefinition.TotalMaxPoints);

    [Property(MaxTest = 200)]
    [Trait("Rule", "78")]
    public Property Validate_ChangingOneGroupLimit_BreaksActivationOnly() =>
        Prop.ForAll(
            Arb.From(from d in DefinitionGenerators.ValidDefinition
                     from delta in Gen.Elements(-1, 1)
                     select (d, delta)),
            t =>
            {
                ScoreGroup first = t.d.Groups[0];
                int max = first.MaxPoints + t.delta;
                HealthScoreDefinition changed = t.d.ReplaceGroup(0, first with { MaxPoints = max });
                bool draftOk = max < 1 || max > HealthScoreDefinition.TotalMaxPoints || HealthScoreValidator.Validate(changed, ValidationMode.Draft).IsSuccess;
                bool activationFails = HealthScoreValidator.Validate(changed, ValidationMode.Activation).Errors.Any(p => p.Code == ValidationCodes.MaxPointsSum);
                return draftOk && activationFails;
            });
}
