using System;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Stores.EntityFrameworkCore.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore;

/// <summary>
/// The one <see cref="DbContext"/> of the EF Core store: the aggregates table (<c>cs_aggregates</c>), the outbox
/// (<c>cs_outbox</c>) and the CRM records with their property bag (<c>cs_records</c>, <c>cs_record_properties</c>).
/// </summary>
/// <remarks>
/// <para>Each provider has its own sealed subclass with its own shipped migrations:
/// <see cref="SqliteCustomerSuccessDbContext"/> (instants as Unix ticks, numbers as REAL) and
/// <see cref="PostgreSqlCustomerSuccessDbContext"/> (NodaTime's <c>Instant</c> as <c>timestamp with time zone</c> through
/// Npgsql's NodaTime plugin, numbers as <c>numeric</c>). Create the schema with <c>Database.MigrateAsync()</c>.</para>
/// <para>The library's stores create one short-lived context per operation; a context is not thread-safe.</para>
/// </remarks>
public abstract class CustomerSuccessDbContext : DbContext
{
    /// <summary>Initializes a context.</summary>
    /// <param name="options">The options (provider, connection).</param>
    protected CustomerSuccessDbContext(DbContextOptions options)
        : base(options)
    {
    }

    internal DbSet<AggregateRow> Aggregates => Set<AggregateRow>();

    internal DbSet<OutboxRow> Outbox => Set<OutboxRow>();

    internal DbSet<RecordRow> Records => Set<RecordRow>();

    internal DbSet<RecordPropertyRow> RecordProperties => Set<RecordPropertyRow>();

    /// <summary>Maps the tables, keys and value conversions shared by every provider.</summary>
    /// <param name="modelBuilder">The model builder.</param>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AggregateRow>(e =>
        {
            e.ToTable("cs_aggregates");
            e.HasKey(r => new { r.AggregateType, r.Key });
            e.Property(r => r.AggregateType).HasColumnName("aggregate_type").HasMaxLength(64);
            e.Property(r => r.Key).HasColumnName("key").HasMaxLength(256);
            e.Property(r => r.PortalId).HasColumnName("portal_id");
            e.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
            e.Property(r => r.SchemaVersion).HasColumnName("schema_version");
            e.Property(r => r.Document).HasColumnName("document");
            e.HasIndex(r => new { r.PortalId, r.AggregateType });
        });

        modelBuilder.Entity<OutboxRow>(e =>
        {
            e.ToTable("cs_outbox");
            e.HasKey(r => r.Position);
            e.Property(r => r.Position).HasColumnName("position").ValueGeneratedOnAdd();
            e.Property(r => r.PortalId).HasColumnName("portal_id");
            e.Property(r => r.AggregateType).HasColumnName("aggregate_type").HasMaxLength(64);
            e.Property(r => r.AggregateKey).HasColumnName("aggregate_key").HasMaxLength(256);
            e.Property(r => r.TypeName).HasColumnName("type_name").HasMaxLength(128);
            e.Property(r => r.Payload).HasColumnName("payload");
            e.Property(r => r.OccurredAt).HasColumnName("occurred_at");
            e.HasIndex(r => r.PortalId);
        });

        var portal = new ValueConverter<PortalId, long>(v => v.Value, v => PortalId.From(v));
        var record = new ValueConverter<RecordId, long>(v => v.Value, v => RecordId.From(v));
        var user = new ValueConverter<UserId, long>(v => v.Value, v => UserId.From(v));
        var objectType = new ValueConverter<CrmObjectType, string>(v => v.Name!, v => CrmObjectType.FromName(v));

        modelBuilder.Entity<RecordRow>(e =>
        {
            e.ToTable("cs_records");
            e.HasKey(r => new { r.PortalId, r.ObjectType, r.Id });
            e.Property(r => r.PortalId).HasColumnName("portal_id").HasConversion(portal);
            e.Property(r => r.ObjectType).HasColumnName("object_type").HasMaxLength(128).HasConversion(objectType);
            e.Property(r => r.Id).HasColumnName("id").HasConversion(record);
            e.Property(r => r.CsmOwnerId).HasColumnName("csm_owner_id").HasConversion(user);
            e.Property(r => r.OwnerAssignedAt).HasColumnName("owner_assigned_at");
            e.Property(r => r.CreatedAt).HasColumnName("created_at");
            e.Property(r => r.LastActivityAt).HasColumnName("last_activity_at");
            e.Property(r => r.PipelineId).HasColumnName("pipeline_id");
            e.Property(r => r.StageId).HasColumnName("stage_id");
            e.Property(r => r.Amount).HasColumnName("amount");
            e.HasMany(r => r.Properties).WithOne().HasForeignKey(p => new { p.PortalId, p.ObjectType, p.RecordId }).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RecordPropertyRow>(e =>
        {
            e.ToTable("cs_record_properties");
            e.HasKey(p => new { p.PortalId, p.ObjectType, p.RecordId, p.Name });
            e.Property(p => p.PortalId).HasColumnName("portal_id").HasConversion(portal);
            e.Property(p => p.ObjectType).HasColumnName("object_type").HasMaxLength(128).HasConversion(objectType);
            e.Property(p => p.RecordId).HasColumnName("record_id").HasConversion(record);
            e.Property(p => p.Name).HasColumnName("name").HasMaxLength(128);
            e.Property(p => p.TextValue).HasColumnName("text_value");
            e.Property(p => p.NumberValue).HasColumnName("number_value");
            e.Property(p => p.DateValue).HasColumnName("date_value");
            e.Property(p => p.BoolValue).HasColumnName("bool_value");
            e.Property(p => p.UserValue).HasColumnName("user_value").HasConversion(user);
            e.HasIndex(p => new { p.PortalId, p.ObjectType, p.Name });
        });
    }
}

/// <summary>The context on SQLite (the embedded default): instants as Unix ticks (100 ns) in INTEGER columns, numbers as
/// REAL (double precision); ships its own migrations.</summary>
public sealed class SqliteCustomerSuccessDbContext : CustomerSuccessDbContext
{
    /// <summary>Initializes a context; the options must use SQLite.</summary>
    /// <param name="options">The options.</param>
    public SqliteCustomerSuccessDbContext(DbContextOptions<SqliteCustomerSuccessDbContext> options)
        : base(options)
    {
    }

    /// <summary>Maps NodaTime's <see cref="Instant"/> to Unix ticks and <see cref="decimal"/> to REAL, so that comparisons and
    /// ordering happen in SQL.</summary>
    /// <param name="configurationBuilder">The convention builder.</param>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Instant>().HaveConversion<InstantTicksConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }

    private sealed class InstantTicksConverter() : ValueConverter<Instant, long>(v => v.ToUnixTimeTicks(), v => Instant.FromUnixTimeTicks(v));
}

/// <summary>The context on PostgreSQL through Npgsql: NodaTime's <see cref="Instant"/> as <c>timestamp with time zone</c>
/// (microseconds) through Npgsql's NodaTime plugin, numbers as <c>numeric</c>; ships its own migrations. Configure it
/// with <c>UseNpgsql(connectionString, o =&gt; o.UseNodaTime())</c> (the registration does).</summary>
public sealed class PostgreSqlCustomerSuccessDbContext : CustomerSuccessDbContext
{
    /// <summary>Initializes a context; the options must use Npgsql with NodaTime.</summary>
    /// <param name="options">The options.</param>
    public PostgreSqlCustomerSuccessDbContext(DbContextOptions<PostgreSqlCustomerSuccessDbContext> options)
        : base(options)
    {
    }
}
