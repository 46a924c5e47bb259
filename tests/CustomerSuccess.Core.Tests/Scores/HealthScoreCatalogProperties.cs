using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.HealthScores.Templates;
using CustomerSuccess.Core.HealthScores.Validation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static CustomerSuccess.Core.Tests.Scores.HealthScoreTestData;

namespace CustomerSuccess.Core.Tests.Scores;

/// <summary>
/// Model-based test (generated operation sequences): random create / update / activate / deactivate / delete by
/// random actors on both tiers against a fresh <see cref="HealthScoreCatalog"/> and a tiny immutable model, checking
/// after every step that the outcome matches the model and that the invariants hold.
/// </summary>
public class HealthScoreCatalogProperties
{
    private const string ScoreName = "Customer health";

    public enum Kind
    {
        CreateFromTemplate,
        CreateFromScratch,
        CreateUnbalanced,
        CreateWrongObject,
        CreateTooManySegments,
        UpdateComplete,
        UpdateVariant,
        UpdateUnbalanced,
        UpdateWrongObject,
        Activate,
        Deactivate,
        Delete,
    }

    /// <summary>The definitions the sequences use; <see cref="Model"/> only needs to know which are complete.</summary>
    public enum Def
    {
        Template,
        Variant,
        Scratch,
        Unbalanced,
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(Arbitraries) })]
    [Trait("Rule", "72")]
    [Trait("Rule", "83")]
    [Trait("Rule", "78")]
    [Trait("Rule", "73")]
    [Trait("Rule", "6")]
    [Trait("Rule", "3")]
    public void AnySequence_KeepsLimitsAndVersions_AndRefusalsChangeNothing(OperationSequence sequence)
    {
        var account = new AccountContext(Portal, sequence.Tier);
        var limits = new HealthScoreCatalogOptions().LimitsFor(sequence.Tier);
        var catalog = NewCatalog();
        var model = Model.Empty;
        var step = 0;
        foreach (var op in sequence.Operations)
        {
            step++;
            var now = Now.Plus(NodaTime.Duration.FromMinutes(step));
            var target = model.Resolve(op.Target);
            var before = catalog.State;
            var eventsBefore = catalog.DomainEvents.Count;
            var (expectedCode, next, expectEvent) = model.Apply(op, target, sequence.Tier, limits);

            var result = Run(catalog, account, op, target, now);

            if (expectedCode is null)
            {
                Assert.True(result.IsSuccess, $"step {step} {op} on {target}: expected success, got {result}");
                Assert.Equal(eventsBefore + (expectEvent ? 1 : 0), catalog.DomainEvents.Count);
                if (!expectEvent)
                {
                    Assert.Same(before, catalog.State);
                }
            }
            else
            {
                Assert.True(result.IsFailure, $"step {step} {op} on {target}: expected {expectedCode}, got success");
                Assert.Equal(expectedCode, result.Error!.Code);
                Assert.Same(before, catalog.State);
                Assert.Equal(before, catalog.State);
                Assert.Equal(eventsBefore, catalog.DomainEvents.Count);
            }

            model = next;
            CheckInvariants(catalog.State, limits, model);
        }
    }

    [Fact]
    [Trait("Rule", "72")]
    public void Generator_ReachesBothLimitsOnBothTiers()
    {
        // Guards the property above against a generator that never gets near the limits.
        var sequences = Arbitraries.Sequences().Generator.Sample(50, new Rnd(20261125UL), 300);
        var reached = new HashSet<(ServiceHubTier, string)>();
        foreach (var sequence in sequences)
        {
            var limits = new HealthScoreCatalogOptions().LimitsFor(sequence.Tier);
            var model = Model.Empty;
            foreach (var op in sequence.Operations)
            {
                var (code, next, _) = model.Apply(op, model.Resolve(op.Target), sequence.Tier, limits);
                if (code is not null)
                {
                    reached.Add((sequence.Tier, code));
                }

                model = next;
            }
        }

        Assert.Contains((ServiceHubTier.Professional, HealthScoreErrors.ActiveLimitReachedCode), reached);
        Assert.Contains((ServiceHubTier.Professional, HealthScoreErrors.DraftLimitReachedCode), reached);
        Assert.Contains((ServiceHubTier.Enterprise, HealthScoreErrors.ActiveLimitReachedCode), reached);
        Assert.Contains((ServiceHubTier.Enterprise, HealthScoreErrors.DraftLimitReachedCode), reached);
    }

    private static void CheckInvariants(HealthScoreCatalogState state, HealthScoreLimits limits, Model model)
    {
        Assert.True(state.ActiveCount <= limits.MaxActive, $"{state.ActiveCount} active > {limits.MaxActive}");
        Assert.True(state.DraftCount <= limits.MaxDrafts, $"{state.DraftCount} drafts > {limits.MaxDrafts}");
        Assert.Equal(model.LastNumber, state.LastScoreNumber);
        Assert.Equal(model.Scores.Keys.Order(), state.Scores.Select(s => s.Id.Value));
        foreach (var score in state.Scores)
        {
            var expected = model.Scores[score.Id.Value];
            Assert.Equal(expected.Status, score.Status);
            Assert.Equal(expected.Versions.Length, score.Versions.Length);
            Assert.Equal(CompaniesName, score.Definition.ObjectType);
            Assert.True(HealthScoreValidator.Validate(score.Definition, ValidationMode.Draft).IsSuccess);

            var previous = 0;
            foreach (var version in score.Versions)
            {
                Assert.True(version.Number > previous, $"score {score.Id}: version {version.Number} after {previous}");
                Assert.Equal(score.Id, version.ScoreId);
                Assert.True(HealthScoreValidator.Validate(version.Definition, ValidationMode.Activation).IsSuccess);
                previous = version.Number;
            }

            if (score.Status == HealthScoreStatus.Active)
            {
                var active = Assert.IsType<ScoreVersion>(score.ActiveVersion);
                Assert.True(HealthScoreValidator.Validate(active.Definition, ValidationMode.Activation).IsSuccess);
                Assert.Equal(Build(expected.Versions[^1]), active.Definition);
            }
        }
    }

    private static Result Run(HealthScoreCatalog catalog, AccountContext account, Operation op, HealthScoreId target, NodaTime.Instant now) => op.Kind switch
    {
        Kind.CreateFromTemplate => catalog.CreateFromTemplate(op.Actor, account, Companies, ScoreName, now).ToResult(),
        Kind.CreateFromScratch => catalog.CreateFromScratch(op.Actor, account, Companies, ScoreName, now).ToResult(),
        Kind.CreateUnbalanced => catalog.CreateFromDefinition(op.Actor, account, Companies, Build(Def.Unbalanced), now).ToResult(),
        Kind.CreateWrongObject => catalog.CreateFromDefinition(op.Actor, account, Companies, Build(Def.Template) with { ObjectType = ContactsName }, now).ToResult(),
        Kind.CreateTooManySegments => catalog.CreateFromDefinition(op.Actor, account, Companies, WithSegments(6), now).ToResult(),
        Kind.UpdateComplete => catalog.UpdateDefinition(op.Actor, account, Companies, target, Build(Def.Template), now).ToResult(),
        Kind.UpdateVariant => catalog.UpdateDefinition(op.Actor, account, Companies, target, Build(Def.Variant), now).ToResult(),
        Kind.UpdateUnbalanced => catalog.UpdateDefinition(op.Actor, account, Companies, target, Build(Def.Unbalanced), now).ToResult(),
        Kind.UpdateWrongObject => catalog.UpdateDefinition(op.Actor, account, Companies, target, Build(Def.Template) with { ObjectType = ContactsName }, now).ToResult(),
        Kind.Activate => catalog.Activate(op.Actor, account, Companies, target, now).ToResult(),
        Kind.Deactivate => catalog.Deactivate(op.Actor, account, target, now).ToResult(),
        Kind.Delete => catalog.Delete(op.Actor, account, target, now).ToResult(),
        _ => throw new System.ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>Builds one of the model's definitions. Every score has the same name, so a definition's content is
    /// fully identified by its <see cref="Def"/> (the model can tell whether an update changes anything).</summary>
    private static HealthScoreDefinition Build(Def def) => def switch
    {
        Def.Template => Complete(ScoreName),
        Def.Variant => Complete(ScoreName) with { Segments = ["Key accounts"] },
        Def.Scratch => HealthScoreTemplates.FromScratch(ScoreName, CompaniesName),
        Def.Unbalanced => SumNot100(ScoreName),
        _ => throw new System.ArgumentOutOfRangeException(nameof(def)),
    };

    public sealed record Operation(Kind Kind, string ActorName, Actor Actor, bool Authorized, string AccessCode, int Target)
    {
        public override string ToString() => $"{Kind}({ActorName}, target {Target})";
    }

    public sealed record OperationSequence(ServiceHubTier Tier, ImmutableArray<Operation> Operations)
    {
        public override string ToString() => $"{Tier}: {string.Join(", ", Operations)}";
    }

    /// <summary>What the model knows of a score: status, working definition, and the definition of each version.</summary>
    public sealed record ModelScore(HealthScoreStatus Status, Def Working, ImmutableArray<Def> Versions)
    {
        public bool IsComplete => Working is Def.Template or Def.Variant;
    }

    public sealed record Model(ImmutableSortedDictionary<long, ModelScore> Scores, long LastNumber)
    {
        public static Model Empty { get; } = new(ImmutableSortedDictionary<long, ModelScore>.Empty, 0);

        private int ActiveCount => Scores.Values.Count(s => s.Status == HealthScoreStatus.Active);

        private int DraftCount => Scores.Values.Count(s => s.Status != HealthScoreStatus.Active);

        /// <summary>Maps a generated target to an existing score (or, for 30, to an id that does not exist).</summary>
        public HealthScoreId Resolve(int target) =>
            target >= 30 || Scores.IsEmpty
                ? HealthScoreId.From(LastNumber + 5)
                : HealthScoreId.From(Scores.Keys.ElementAt(target % Scores.Count));

        public (string? Code, Model Next, bool Event) Apply(Operation op, HealthScoreId target, ServiceHubTier tier, HealthScoreLimits limits)
        {
            if (!op.Authorized)
            {
                return (op.AccessCode, this, false);
            }

            switch (op.Kind)
            {
                case Kind.CreateFromTemplate or Kind.CreateFromScratch or Kind.CreateUnbalanced or Kind.CreateWrongObject or Kind.CreateTooManySegments:
                    if (DraftCount >= limits.MaxDrafts)
                    {
                        return (HealthScoreErrors.DraftLimitReachedCode, this, false);
                    }

                    if (op.Kind is Kind.CreateWrongObject)
                    {
                        return (HealthScoreErrors.WrongObjectTypeCode, this, false);
                    }

                    if (op.Kind is Kind.CreateTooManySegments)
                    {
                        return (HealthScoreErrors.InvalidCode, this, false);
                    }

                    var def = op.Kind switch
                    {
                        Kind.CreateFromTemplate => Def.Template,
                        Kind.CreateFromScratch => Def.Scratch,
                        _ => Def.Unbalanced,
                    };
                    var number = LastNumber + 1;
                    return (null, new Model(Scores.Add(number, new ModelScore(HealthScoreStatus.Draft, def, [])), number), true);
            }

            if (!Scores.TryGetValue(target.Value, out var score))
            {
                return (HealthScoreErrors.NotFoundCode, this, false);
            }

            switch (op.Kind)
            {
                case Kind.UpdateWrongObject:
                    return (HealthScoreErrors.WrongObjectTypeCode, this, false);
                case Kind.UpdateComplete or Kind.UpdateVariant or Kind.UpdateUnbalanced:
                    var def = op.Kind switch
                    {
                        Kind.UpdateComplete => Def.Template,
                        Kind.UpdateVariant => Def.Variant,
                        _ => Def.Unbalanced,
                    };
                    return def == score.Working
                        ? (null, this, false)
                        : (null, With(target, score with { Working = def }), true);
                case Kind.Activate:
                    if (!score.IsComplete)
                    {
                        return (HealthScoreErrors.InvalidCode, this, false);
                    }

                    if (score.Status == HealthScoreStatus.Active)
                    {
                        return score.Versions[^1] == score.Working
                            ? (null, this, false)
                            : (null, With(target, score with { Versions = score.Versions.Add(score.Working) }), true);
                    }

                    if (ActiveCount >= limits.MaxActive)
                    {
                        return (HealthScoreErrors.ActiveLimitReachedCode, this, false);
                    }

                    if (ActiveCount >= 1 && tier != ServiceHubTier.Enterprise)
                    {
                        return (AccessErrors.EnterpriseRequiredCode, this, false);
                    }

                    return (null, With(target, score with { Status = HealthScoreStatus.Active, Versions = score.Versions.Add(score.Working) }), true);
                case Kind.Deactivate:
                    if (score.Status != HealthScoreStatus.Active)
                    {
                        return (HealthScoreErrors.NotActiveCode, this, false);
                    }

                    return DraftCount >= limits.MaxDrafts
                        ? (HealthScoreErrors.DraftLimitReachedCode, this, false)
                        : (null, With(target, score with { Status = HealthScoreStatus.Inactive }), true);
                case Kind.Delete:
                    return score.Status == HealthScoreStatus.Active
                        ? (HealthScoreErrors.ActiveCannotBeDeletedCode, this, false)
                        : (null, this with { Scores = Scores.Remove(target.Value) }, true);
                default:
                    throw new System.ArgumentOutOfRangeException(nameof(op));
            }
        }

        private Model With(HealthScoreId id, ModelScore score) => this with { Scores = Scores.SetItem(id.Value, score) };
    }

    public static class Arbitraries
    {
        private static readonly (string Name, Actor Actor, bool Authorized, string Code)[] Actors =
        [
            ("manager", Manager, true, ""),
            ("super-admin", SuperAdmin, true, ""),
            ("csm", Csm, false, AccessErrors.PermissionRequiredCode),
            ("seatless-super-admin", SeatlessSuperAdmin, false, AccessErrors.ServiceSeatRequiredCode),
            ("manager-without-seat", SeatlessManager, false, AccessErrors.NoWorkspaceAccessCode),
        ];

        public static Arbitrary<OperationSequence> Sequences() =>
            Arb.From(
                from tier in Gen.Elements(ServiceHubTier.Professional, ServiceHubTier.Enterprise)
                from length in tier == ServiceHubTier.Enterprise ? Gen.Choose(1, 150) : Gen.Choose(1, 60)
                from ops in Gen.ListOf(OperationGen(), length)
                select new OperationSequence(tier, [.. ops]));

        private static Gen<Operation> OperationGen() =>
            from kind in Gen.Frequency(
                (8, Gen.Constant(Kind.CreateFromTemplate)),
                (3, Gen.Constant(Kind.CreateFromScratch)),
                (2, Gen.Constant(Kind.CreateUnbalanced)),
                (1, Gen.Constant(Kind.CreateWrongObject)),
                (1, Gen.Constant(Kind.CreateTooManySegments)),
                (2, Gen.Constant(Kind.UpdateComplete)),
                (2, Gen.Constant(Kind.UpdateVariant)),
                (2, Gen.Constant(Kind.UpdateUnbalanced)),
                (1, Gen.Constant(Kind.UpdateWrongObject)),
                (10, Gen.Constant(Kind.Activate)),
                (2, Gen.Constant(Kind.Deactivate)),
                (2, Gen.Constant(Kind.Delete)))
            from actor in Gen.Frequency((8, Gen.Elements(Actors[0], Actors[1])), (2, Gen.Elements(Actors[2], Actors[3], Actors[4])))
            from target in Gen.Choose(0, 30)
            select new Operation(kind, actor.Name, actor.Actor, actor.Authorized, actor.Code, target);
    }
}
