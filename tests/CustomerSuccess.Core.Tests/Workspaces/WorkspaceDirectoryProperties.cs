using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Workspaces;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static CustomerSuccess.Core.Tests.Workspaces.WorkspaceTestData;

namespace CustomerSuccess.Core.Tests.Workspaces;

/// <summary>
/// Model-based test (generated operation sequences): random create / delete / rename / add team / remove team by
/// random actors against a fresh <see cref="WorkspaceDirectory"/> and a tiny immutable model, checking after every
/// step that the outcome matches the model and that the invariants hold.
/// </summary>
public class WorkspaceDirectoryProperties
{
    public enum Kind
    {
        Create,
        Delete,
        Rename,
        AddTeam,
        RemoveTeam,
    }

    [Property(MaxTest = 500, Arbitrary = new[] { typeof(Arbitraries) })]
    [Trait("Rule", "26")]
    [Trait("Rule", "27")]
    [Trait("Rule", "25")]
    [Trait("Rule", "31")]
    [Trait("Rule", "5")]
    public void AnySequence_KeepsInvariants_AndRefusalsChangeNothing(OperationSequence sequence)
    {
        var directory = NewDirectory();
        var model = Model.Initial;
        foreach (var op in sequence.Operations)
        {
            var before = directory.State;
            var eventsBefore = directory.DomainEvents.Count;
            var (expectedCode, nextModel) = model.Apply(op);
            var result = Run(directory, op);

            if (expectedCode is null)
            {
                Assert.True(result.IsSuccess, $"{op}: expected success, got {result}");
            }
            else
            {
                Assert.True(result.IsFailure, $"{op}: expected {expectedCode}, got success");
                Assert.StartsWith(expectedCode, result.Error!.Code, System.StringComparison.Ordinal);
                Assert.Same(before, directory.State);
                Assert.Equal(before, directory.State);
                Assert.Equal(eventsBefore, directory.DomainEvents.Count);
            }

            model = nextModel;
            var state = directory.State;
            Assert.True(state.TeamWorkspaceCount <= WorkspaceDirectory.MaxTeamWorkspaces);
            var allTeams = state.Workspaces.Values.SelectMany(w => w.Teams).ToList();
            Assert.Equal(allTeams.Count, allTeams.Distinct().Count());
            Assert.True(state.Primary.IsPrimary);
            Assert.Empty(state.Primary.Teams);
            Assert.Equal(model.Workspaces.Keys, state.TeamWorkspaces.Select(w => w.Id.Value));
            Assert.All(state.TeamWorkspaces, w => Assert.Equal(model.Workspaces[w.Id.Value].Teams.ToList(), w.Teams.Select(t => t.Value).ToList()));
            Assert.All(state.TeamWorkspaces, w => Assert.Equal(model.Workspaces[w.Id.Value].Name, w.Name));
        }
    }

    private static Result Run(WorkspaceDirectory directory, Operation op)
    {
        var id = WorkspaceId.From(op.WorkspaceNumber);
        return op.Kind switch
        {
            Kind.Create => directory.CreateTeamWorkspace(op.Actor.Actor, Enterprise, op.Name, null, op.Teams.Select(Team), Now).ToResult(),
            Kind.Delete => directory.Delete(op.Actor.Actor, Enterprise, id, op.Confirmed ? WorkspaceDirectory.DeleteConfirmationPhrase : "delete it", Now).ToResult(),
            Kind.Rename => directory.Rename(op.Actor.Actor, Enterprise, id, op.Name, Now).ToResult(),
            Kind.AddTeam => directory.AddTeam(op.Actor.Actor, Enterprise, id, Team(op.Teams[0]), Now).ToResult(),
            _ => directory.RemoveTeam(op.Actor.Actor, Enterprise, id, Team(op.Teams[0]), Now).ToResult(),
        };
    }

    public sealed record NamedActor(string Label, Actor Actor, bool MayManage)
    {
        public override string ToString() => Label;
    }

    public sealed record Operation(Kind Kind, NamedActor Actor, long WorkspaceNumber, string Name, IReadOnlyList<long> Teams, bool Confirmed)
    {
        public override string ToString() =>
            $"{Kind}(by {Actor}, ws {WorkspaceNumber}, '{Name}', teams [{string.Join(",", Teams)}], confirmed {Confirmed})";
    }

    public sealed record OperationSequence(IReadOnlyList<Operation> Operations)
    {
        public override string ToString() => string.Join("; ", Operations);
    }

    public sealed record ModelWorkspace(string Name, ImmutableSortedSet<long> Teams);

    /// <summary>The model: team workspaces by number, and the next number.</summary>
    public sealed record Model(ImmutableSortedDictionary<long, ModelWorkspace> Workspaces, long LastNumber)
    {
        public static Model Initial { get; } = new(ImmutableSortedDictionary<long, ModelWorkspace>.Empty, 1);

        private const long Primary = 1;

        public (string? Code, Model Next) Apply(Operation op)
        {
            if (!op.Actor.MayManage)
            {
                return ("access.", this);
            }

            var name = op.Name.Trim();
            var exists = op.WorkspaceNumber == Primary || Workspaces.ContainsKey(op.WorkspaceNumber);
            switch (op.Kind)
            {
                case Kind.Create:
                    if (Workspaces.Count >= WorkspaceDirectory.MaxTeamWorkspaces)
                    {
                        return (WorkspaceErrors.LimitReachedCode, this);
                    }

                    var nameError = NameError(name, null);
                    if (nameError is not null)
                    {
                        return (nameError, this);
                    }

                    if (op.Teams.Any(t => Holder(t) is not null))
                    {
                        return (WorkspaceErrors.TeamAlreadyAssignedCode, this);
                    }

                    var number = LastNumber + 1;
                    return (null, new Model(Workspaces.Add(number, new ModelWorkspace(name, [.. op.Teams])), number));

                case Kind.Delete:
                    if (!exists)
                    {
                        return (WorkspaceErrors.NotFoundCode, this);
                    }

                    if (op.WorkspaceNumber == Primary)
                    {
                        return (WorkspaceErrors.PrimaryCannotBeDeletedCode, this);
                    }

                    return op.Confirmed
                        ? (null, this with { Workspaces = Workspaces.Remove(op.WorkspaceNumber) })
                        : (WorkspaceErrors.DeleteNotConfirmedCode, this);

                case Kind.Rename:
                    if (!exists)
                    {
                        return (WorkspaceErrors.NotFoundCode, this);
                    }

                    var renameError = NameError(name, op.WorkspaceNumber);
                    if (renameError is not null)
                    {
                        return (renameError, this);
                    }

                    return op.WorkspaceNumber == Primary
                        ? (null, this)
                        : (null, this with { Workspaces = Workspaces.SetItem(op.WorkspaceNumber, Workspaces[op.WorkspaceNumber] with { Name = name }) });

                case Kind.AddTeam:
                case Kind.RemoveTeam:
                    if (!exists)
                    {
                        return (WorkspaceErrors.NotFoundCode, this);
                    }

                    if (op.WorkspaceNumber == Primary)
                    {
                        return (WorkspaceErrors.PrimaryHasNoTeamsCode, this);
                    }

                    var team = op.Teams[0];
                    var workspace = Workspaces[op.WorkspaceNumber];
                    var holder = Holder(team);
                    if (op.Kind == Kind.AddTeam)
                    {
                        return holder is null
                            ? (null, this with { Workspaces = Workspaces.SetItem(op.WorkspaceNumber, workspace with { Teams = workspace.Teams.Add(team) }) })
                            : holder == op.WorkspaceNumber ? (null, this) : (WorkspaceErrors.TeamAlreadyAssignedCode, this);
                    }

                    return holder == op.WorkspaceNumber
                        ? (null, this with { Workspaces = Workspaces.SetItem(op.WorkspaceNumber, workspace with { Teams = workspace.Teams.Remove(team) }) })
                        : (WorkspaceErrors.TeamNotAssignedCode, this);

                default:
                    throw new System.ArgumentOutOfRangeException(nameof(op));
            }
        }

        private long? Holder(long team) => Workspaces.Where(p => p.Value.Teams.Contains(team)).Select(p => (long?)p.Key).FirstOrDefault();

        private string? NameError(string name, long? self)
        {
            if (name.Length == 0)
            {
                return WorkspaceErrors.NameRequiredCode;
            }

            var taken = (self != Primary && string.Equals(name, CurrentPrimaryName, System.StringComparison.OrdinalIgnoreCase))
                || Workspaces.Any(p => p.Key != self && string.Equals(p.Value.Name, name, System.StringComparison.OrdinalIgnoreCase));
            return taken ? WorkspaceErrors.NameTakenCode : null;
        }

        // Renames of the primary workspace are not tracked by the model, so generated names never touch it (see Names).
        private static string CurrentPrimaryName => WorkspaceDirectory.DefaultPrimaryWorkspaceName;
    }

    public static class Arbitraries
    {
        private static readonly NamedActor[] Actors =
        [
            new("manager", Manager, true),
            new("super-admin", SuperAdmin, true),
            new("csm", Csm, false),
            new("seatless-super-admin", SeatlessSuperAdmin, false),
            new("manager-without-seat", Manager with { HasServiceSeat = false }, false),
        ];

        // "Primary workspace" is used only for create / rename of team workspaces (always taken); the primary is
        // never renamed to anything else, because renames of workspace 1 use only its own name.
        private static readonly string[] Names = ["Alpha", "alpha", "Beta", "BETA ", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "", "  ", "Primary workspace"];

        public static Arbitrary<OperationSequence> Sequences() =>
            Arb.From(Gen.ListOf(OperationGen()).Select(ops => new OperationSequence([.. ops])));

        private static Gen<Operation> OperationGen() =>
            from kind in Gen.Frequency(
                (4, Gen.Constant(Kind.Create)),
                (2, Gen.Constant(Kind.Delete)),
                (2, Gen.Constant(Kind.Rename)),
                (3, Gen.Constant(Kind.AddTeam)),
                (2, Gen.Constant(Kind.RemoveTeam)))
            from actor in Gen.Frequency((6, Gen.Elements(Actors[0], Actors[1])), (2, Gen.Elements(Actors[2], Actors[3], Actors[4])))
            from number in Gen.Choose(1, 9)
            from name in Gen.Elements(Names)
            from teams in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Gen.Choose(1, 6), n))
            from team in Gen.Choose(1, 6)
            from confirmed in Gen.Elements(true, true, false)
            select new Operation(
                kind,
                actor,
                number,
                kind == Kind.Rename && number == 1 ? "Primary workspace" : name,
                kind is Kind.AddTeam or Kind.RemoveTeam ? [team] : [.. teams.Select(t => (long)t).Distinct()],
                confirmed);
    }
}
