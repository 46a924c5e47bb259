using System;
using System.Collections.Generic;
using CustomerSuccess.Core.Crm;

namespace CustomerSuccess.Core.Records;

/// <summary>The argument checks every <see cref="IRecordStore"/> makes, so that stores refuse the same batches with the
/// same exceptions.</summary>
public static class RecordStoreArguments
{
    /// <summary>Checks a batch of records to upsert: not null, every record with its portal, object and id, none twice.</summary>
    /// <param name="records">The batch.</param>
    /// <param name="paramName">The parameter name to report.</param>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A record has no portal, object or id, or appears twice.</exception>
    public static void CheckBatch(IReadOnlyCollection<CrmRecord> records, string paramName)
    {
        ArgumentNullException.ThrowIfNull(records, paramName);
        var keys = new HashSet<(PortalId, CrmObjectType, RecordId)>();
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record, paramName);
            CheckRecord(record, paramName);
            if (!keys.Add((record.PortalId, record.ObjectType, record.Id)))
            {
                throw new ArgumentException($"Record {record.ObjectType}/{record.Id} of portal {record.PortalId} appears twice.", paramName);
            }
        }
    }

    /// <summary>Checks that a record names its portal, object and id.</summary>
    /// <param name="record">The record.</param>
    /// <param name="paramName">The parameter name to report.</param>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The record has no portal, object or id, a property row without a name, or two rows
    /// of one property.</exception>
    public static void CheckRecord(CrmRecord record, string paramName)
    {
        ArgumentNullException.ThrowIfNull(record, paramName);
        if (record.PortalId.IsDefault || record.ObjectType.IsDefault || record.Id.IsDefault)
        {
            throw new ArgumentException("A record needs its portal, object and id.", paramName);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in record.Properties ?? [])
        {
            if (property is null || string.IsNullOrWhiteSpace(property.Name))
            {
                throw new ArgumentException($"Record {record.ObjectType}/{record.Id} has a property row without a name.", paramName);
            }

            if (!names.Add(property.Name))
            {
                throw new ArgumentException($"Record {record.ObjectType}/{record.Id} has two rows of property '{property.Name}'.", paramName);
            }
        }
    }

    /// <summary>Checks the portal and object of a delete.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="objectType">The object.</param>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> or <paramref name="objectType"/> is <c>default</c>.</exception>
    public static void CheckScope(PortalId portalId, CrmObjectType objectType)
    {
        if (portalId.IsDefault)
        {
            throw new ArgumentException("The portal id must not be default.", nameof(portalId));
        }

        CrmObjectType.ThrowIfDefault(objectType, nameof(objectType));
    }
}
