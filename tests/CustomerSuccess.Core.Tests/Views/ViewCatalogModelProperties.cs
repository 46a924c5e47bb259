using System;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Views;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static CustomerSuccess.Core.Tests.Views.ViewTestData;

namespace CustomerSuccess.Core.Tests.Views;

/// <summary>
/// Model-based test of <see cref="ViewCatalog"/>: random sequences of view operations by random actors run against the
/// aggregate and against a tiny immutable model; after every step the outcome and the state must match the model, and
/// the catalogue invariants of rules 9, 36 and 44 must hold.
/// </summary>
public class ViewCatalogModelProperties
{
    private static readonly Actor[] Actors = [Csm1, Csm2, Manager, SuperAdmin, SeatlessSuperAdmin];

    internal enum Kind
    {
        Create,
        Edit,
        Delete,
        SetDefault,
        UnsetDefault,
        Reorder,
    }

    internal sealed record Op(Kind Kind, int Actor, int Pick, bool Everyone, bool Flag, int Seed)
    {
        public override string ToString() => $"{Kind}(actor {Actors[Actor].UserId}, pick {Pick}, everyone {Everyone}, flag {Flag}, seed {Seed})";
    }

    internal sealed record ModelView(ViewId Id, UserId? Owner, bool Everyone, bool BuiltIn);

    internal sealed record Model(ImmutableList<ModelView> Views, ImmutableList<ViewId> Defaults, long LastId);

    private static Arbitrary<Op[]> Sequences() => Arb.From(
        from length in Gen.Choose(1, 80)
        from ops in Gen.ArrayOf(
            from kind in Gen.Frequency(
                (4, Gen.Constant(Kind.Create)),
                (1, Gen.Constant(Kind.Edit)),
                (1, Gen.Constant(Kind.Delete)),
                (5, Gen.Constant(Kind.SetDefault)),
                (1, Gen.Constant(Kind.UnsetDefault)),
                (1, Gen.Constant(Kind.Reorder)))
            // Managers and super admins are drawn more often so that about one sequence in five reaches six defaults
            // and runs into the limit.
            from actor in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(1)), (3, Gen.Constant(2)), (3, Gen.Constant(3)), (1, Gen.Constant(4)))
            from pick in Gen.Choose(0, 1000)
            from everyone in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
            from flag in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
            from seed in Gen.Choose(0, int.MaxValue - 1)
            select new Op(kind, actor, pick, everyone, flag, seed),
            length)
        select ops);

    [Property(MaxTest = 500)]
    [Trait("Rule", "9")]
    [Trait("Rule", "10")]
    [Trait("Rule", "36")]
    [Trait("Rule", "44")]
    [Trait("Rule", "46")]
    [Trait("Rule", "47")]
    [Trait("Rule", "48")]
    public Property RandomOperations_ByRandomActors_KeepInvariantsAndMatchModel() =>
        Prop.ForAll(Sequences(), ops =>
        {
            var catalog = NewCatalog();
            var model = new Model(
                [.. catalog.State.Views.Select(v => new ModelView(v.Id, v.OwnerId, true, true))],
                [.. catalog.State.DefaultViewIds],
                catalog.State.LastViewId);
            var step = 0;
            foreach (var op in ops)
            {
                step++;
                var (actual, nextModel) = Apply(catalog, model, op, out var expectedCode);
                var context = $"step {step}: {op} -> {actual}";
                if (expectedCode is null)
                {
                    Assert.True(actual.IsSuccess, context);
                }
                else if (expectedCode.EndsWith('.'))
                {
                    Assert.True(actual.IsFailure && actual.Error.Code.StartsWith(expectedCode, StringComparison.Ordinal), context);
                }
                else
                {
                    Assert.True(actual.IsFailure && actual.Error.Is(expectedCode), context + " expected " + expectedCode);
                }

                model = nextModel;
                AssertMatchesModel(catalog.State, model, context);
                AssertInvariants(catalog, context);
            }

            return true;
        });

    private static void AssertInvariants(ViewCatalog catalog, string context)
    {
        var state = catalog.State;
        var defaults = catalog.DefaultViews;

        // No default that is not shared with Everyone.
        Assert.True(defaults.All(v => v.Sharing == ViewSharing.Everyone), context);

        // Never more than six defaults.
        Assert.True(defaults.Count <= ViewCatalog.MaxDefaultViews, context);

        // The default order is a permutation of the default views: each default view exactly once, nothing else.
        var defaultViews = state.Views.Where(v => state.IsDefault(v.Id)).Select(v => v.Id).ToHashSet();
        Assert.True(state.DefaultViewIds.Length == defaultViews.Count && state.DefaultViewIds.All(defaultViews.Contains), context);

        // A private view is never listed for anyone but its owner (and always for its owner).
        foreach (var actor in Actors)
        {
            var listed = catalog.ListVisibleTo(actor.UserId);
            Assert.True(listed.All(v => v.Sharing == ViewSharing.Everyone || v.OwnerId == actor.UserId), context);
            Assert.True(state.Views.Where(v => v.Sharing == ViewSharing.Private && v.OwnerId == actor.UserId).All(listed.Contains), context);
        }
    }

    private static void AssertMatchesModel(ViewCatalogState state, Model model, string context)
    {
        Assert.True(state.Views.Select(v => (v.Id, v.OwnerId, v.Sharing == ViewSharing.Everyone, v.IsBuiltIn))
            .SequenceEqual(model.Views.Select(v => (v.Id, v.Owner, v.Everyone, v.BuiltIn))), context);
        Assert.True(state.DefaultViewIds.SequenceEqual(model.Defaults), context);
        Assert.Equal(model.LastId, state.LastViewId);
    }

    /// <summary>Runs one operation on the aggregate and on the model; <paramref name="expectedCode"/> is null for
    /// success, an error code, or <c>access.</c> for any access refusal.</summary>
    private static (Result Actual, Model Next) Apply(ViewCatalog catalog, Model model, Op op, out string? expectedCode)
    {
        var actor = Actors[op.Actor];
        var full = actor.HasServiceSeat;
        var manage = full && (actor.IsSuperAdmin || actor.Has(CsPermissions.ManageSettings));
        var target = model.Views.Count == 0 ? null : model.Views[op.Pick % model.Views.Count];
        var targetId = target?.Id ?? ViewId.From(999);
        var visible = target is not null && (target.Everyone || target.Owner == actor.UserId);
        var isDefault = model.Defaults.Contains(targetId);
        var sharing = op.Everyone ? ViewSharing.Everyone : ViewSharing.Private;
        var mayManageTarget = target is not null && (target.Everyone ? manage : full);
        const string Access = "access.";

        switch (op.Kind)
        {
            case Kind.Create:
            {
                var actual = catalog.Create(actor, Account, Definition("V" + op.Seed, sharing), Target, Now).ToResult();
                expectedCode = !full || (op.Everyone && !manage) ? Access : null;
                return (actual, expectedCode is null
                    ? model with { Views = model.Views.Add(new ModelView(ViewId.From(model.LastId + 1), actor.UserId, op.Everyone, false)), LastId = model.LastId + 1 }
                    : model);
            }

            case Kind.Edit:
            {
                var actual = catalog.Edit(actor, Account, targetId, Definition("E" + op.Seed, sharing), Target, Now).ToResult();
                expectedCode = !visible ? ViewErrors.NotFoundCode
                    : !mayManageTarget || (op.Everyone && !manage) ? Access
                    : target!.BuiltIn ? ViewErrors.BuiltInNotEditableCode
                    : !op.Everyone && isDefault ? ViewErrors.DefaultCannotBePrivateCode
                    : null;
                return (actual, expectedCode is null ? model with { Views = model.Views.Replace(target!, target! with { Everyone = op.Everyone }) } : model);
            }

            case Kind.Delete:
            {
                var actual = catalog.Delete(actor, Account, targetId, op.Flag ? ViewCatalog.DeleteConfirmationPhrase : "no", Now);
                expectedCode = !visible ? ViewErrors.NotFoundCode
                    : !mayManageTarget ? Access
                    : !op.Flag ? ViewErrors.DeleteNotConfirmedCode
                    : null;
                return (actual, expectedCode is null ? model with { Views = model.Views.Remove(target!), Defaults = model.Defaults.Remove(targetId) } : model);
            }

            case Kind.SetDefault:
            {
                var actual = catalog.SetDefault(actor, Account, targetId, op.Flag ? "Card " + op.Seed : " ", Now);
                expectedCode = !visible ? ViewErrors.NotFoundCode
                    : !manage ? Access
                    : !target!.Everyone ? ViewErrors.DefaultRequiresEveryoneCode
                    : !op.Flag ? ViewErrors.DefaultRequiresDescriptionCode
                    : !isDefault && model.Defaults.Count >= ViewCatalog.MaxDefaultViews ? ViewErrors.DefaultLimitReachedCode
                    : null;
                return (actual, expectedCode is null && !isDefault ? model with { Defaults = model.Defaults.Add(targetId) } : model);
            }

            case Kind.UnsetDefault:
            {
                var actual = catalog.UnsetDefault(actor, Account, targetId, Now);
                expectedCode = !visible ? ViewErrors.NotFoundCode : !manage ? Access : null;
                return (actual, expectedCode is null ? model with { Defaults = model.Defaults.Remove(targetId) } : model);
            }

            default:
            {
                var random = new Random(op.Seed);
                var order = model.Defaults.OrderBy(_ => random.Next()).ToList();
                if (!op.Flag && order.Count > 0)
                {
                    order[random.Next(order.Count)] = ViewId.From(5000);
                }

                var actual = catalog.ReorderDefaults(actor, Account, order, Now);
                var valid = op.Flag || order.Count == 0;
                expectedCode = !manage ? Access : !valid ? ViewErrors.DefaultOrderInvalidCode : null;
                return (actual, expectedCode is null ? model with { Defaults = [.. order] } : model);
            }
        }
    }
}
