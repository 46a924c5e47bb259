using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace CustomerSuccess.Core.Crm;

/// <summary>
/// The CRM objects the account has (activated), with their typed properties and pipelines: what the settings
/// pickers may offer (rule 24). The caller builds it from HubSpot and passes it to every settings operation.
/// </summary>
/// <remarks>
/// <para>An object that is not listed does not exist in the account, or is not activated: in particular the Services
/// object counts as activated (rule 17, ambiguity B10) exactly when it is listed here.</para>
/// <threadsafety>Immutable; thread-safe.</threadsafety>
/// </remarks>
public sealed class CrmSchema
{
    private readonly ImmutableDictionary<CrmObjectType, CrmObjectSchema> _objects;

    /// <summary>Initializes a schema.</summary>
    /// <param name="objects">The account's objects; each at most once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="objects"/> or an element is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An object is listed twice.</exception>
    public CrmSchema(IEnumerable<CrmObjectSchema> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var builder = ImmutableDictionary.CreateBuilder<CrmObjectType, CrmObjectSchema>();
        var list = ImmutableArray.CreateBuilder<CrmObjectSchema>();
        foreach (var schema in objects)
        {
            ArgumentNullException.ThrowIfNull(schema, nameof(objects));
            if (!builder.TryAdd(schema.ObjectType, schema))
            {
                throw new ArgumentException($"Object '{schema.ObjectType}' is listed twice.", nameof(objects));
            }

            list.Add(schema);
        }

        _objects = builder.ToImmutable();
        Objects = list.ToImmutable();
    }

    /// <summary>Gets the schema with no objects at all.</summary>
    public static CrmSchema Empty { get; } = new([]);

    /// <summary>Gets the account's objects in the order given.</summary>
    public IReadOnlyList<CrmObjectSchema> Objects { get; }

    /// <summary>Finds an object's schema.</summary>
    /// <param name="objectType">The object.</param>
    /// <returns>The schema, or <see langword="null"/> if the account does not have (or has not activated) it.</returns>
    public CrmObjectSchema? Find(CrmObjectType objectType) => _objects.TryGetValue(objectType, out var s) ? s : null;

    internal CrmObjectType? FindOwnerOfProperty(string name, CrmObjectType except) =>
        Objects.FirstOrDefault(o => o.ObjectType != except && o.FindProperty(name) is not null)?.ObjectType;
}
