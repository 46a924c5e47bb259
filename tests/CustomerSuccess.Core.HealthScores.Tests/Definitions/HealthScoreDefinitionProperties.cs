using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerSuccess.Core.HealthScores.Tests.Definitions;

public sealed class HealthScoreDefinitionProperties
{
    private enum OpKind
    {
        Rename,
        Clone,
        Delete,
        Replace,
        Add,
    }

    private sealed record Op(OpKind Kind, int Index, string Name, ScoreGroup Group, bool ByName);

    private static readonly Gen<Op> Ops =
        from kind in Gen.Elements(Enum.GetValues<OpKind>())
        from index in Gen.Choose(-1, 6)
        from name in Gen.Elements("A", "B", "C", "D", "NPS", "Engagement", "E")
        from max in Gen.Choose(1, 60)
        from byName in Gen.Elements(true, false)
        select new Op(kind, index, name, new ScoreGroup(name, ScoreGroupKind.Property, max, []), byName);

    /// <summary>
    /// Model-based check of the rule-82 helpers: a generated sequence of rename/clone/delete/replace/add operations is
    /// applied to a definition and to a plain list model; after every step the groups equal the model, names stay
    /// unique, and rejected operations throw an ArgumentException and change nothing.
    /// </summary>
    [Property(MaxTest = 200)]
    [Trait("Rule", "82")]
    public Property GroupOperations_MatchListModel_AndKeepNamesUnique() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(Ops, 12)), ops =>
        {
            HealthScoreDefinition sut = TestDefinitions.Sample;
            var model = new List<ScoreGroup>(sut.Groups);
            foreach (Op op in ops)
            {
                List<ScoreGroup>? expected = Apply(model, op);
                HealthScoreDefinition before = sut;
                try
                {
                    sut = Run(sut, model, op);
                    if (expected is null)
                    {
                        return false.Label($"{op} should have been rejected");
                    }
                }
                catch (ArgumentException) when (expected is null)
                {
                    if (!sut.Equals(before))
                    {
                        return false.Label("rejected operation changed the definition");
                    }

                    continue;
                }

                model = expected;
                bool same = sut.Groups.SequenceEqual(model);
                bool unique = sut.Groups.Select(g => g.Name).Distinct(StringComparer.Ordinal).Count() == sut.Groups.Length;
                if (!same || !unique || sut.Name != TestDefinitions.Sample.Name || sut.Segments != TestDefinitions.Sample.Segments)
                {
                    return false.Label($"after {op}: same={same} unique={unique}");
                }
            }

            return true.ToProperty();
        });

    private static HealthScoreDefinition Run(HealthScoreDefinition d, List<ScoreGroup> model, Op op)
    {
        string target = op.Index >= 0 && op.Index < model.Count ? model[op.Index].Name : "missing-" + op.Index;
        return (op.Kind, op.ByName) switch
        {
            (OpKind.Rename, true) => d.RenameGroup(target, op.Name),
            (OpKind.Rename, false) => d.RenameGroup(op.Index, op.Name),
            (OpKind.Clone, true) => d.CloneGroup(target, op.Name),
            (OpKind.Clone, false) => d.CloneGroup(op.Index, op.Name),
            (OpKind.Delete, true) => d.DeleteGroup(target),
            (OpKind.Delete, false) => d.DeleteGroup(op.Index),
            (OpKind.Replace, true) => d.ReplaceGroup(target, op.Group),
            (OpKind.Replace, false) => d.ReplaceGroup(op.Index, op.Group),
            _ => d.AddGroup(op.Group),
        };
    }

    private static List<ScoreGroup>? Apply(List<ScoreGroup> model, Op op)
    {
        bool inRange = op.Index >= 0 && op.Index < model.Count;
        bool NameFree(int except) => !model.Where((g, i) => i != except).Any(g => g.Name == op.Name);
        var next = new List<ScoreGroup>(model);
        switch (op.Kind)
        {
            case OpKind.Add:
                if (!NameFree(-1))
                {
                    return null;
                }

                next.Add(op.Group);
                return next;
            case OpKind.Rename when inRange && NameFree(op.Index):
                next[op.Index] = model[op.Index] with { Name = op.Name };
                return next;
            case OpKind.Clone when inRange && NameFree(-1):
                next.Insert(op.Index + 1, model[op.Index] with { Name = op.Name });
                return next;
            case OpKind.Delete when inRange:
                next.RemoveAt(op.Index);
                return next;
            case OpKind.Replace when inRange && NameFree(op.Index):
                next[op.Index] = op.Group;
                return next;
            default:
                return null;
        }
    }
}
