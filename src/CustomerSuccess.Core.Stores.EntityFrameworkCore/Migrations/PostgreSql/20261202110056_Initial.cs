using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cs_aggregates",
                columns: table => new
                {
                    aggregate_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    portal_id = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    schema_version = table.Column<int>(type: "integer", nullable: false),
                    document = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cs_aggregates", x => new { x.aggregate_type, x.key });
                });

            migrationBuilder.CreateTable(
                name: "cs_outbox",
                columns: table => new
                {
                    position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    portal_id = table.Column<long>(type: "bigint", nullable: false),
                    aggregate_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    aggregate_key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    type_name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    occurred_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cs_outbox", x => x.position);
                });

            migrationBuilder.CreateTable(
                name: "cs_records",
                columns: table => new
                {
                    portal_id = table.Column<long>(type: "bigint", nullable: false),
                    object_type = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false),
                    csm_owner_id = table.Column<long>(type: "bigint", nullable: true),
                    owner_assigned_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    last_activity_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    pipeline_id = table.Column<string>(type: "text", nullable: true),
                    stage_id = table.Column<string>(type: "text", nullable: true),
                    amount = table.Column<decimal>(type: "numeric", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cs_records", x => new { x.portal_id, x.object_type, x.id });
                });

            migrationBuilder.CreateTable(
                name: "cs_record_properties",
                columns: table => new
                {
                    portal_id = table.Column<long>(type: "bigint", nullable: false),
                    object_type = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    record_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    text_value = table.Column<string>(type: "text", nullable: true),
                    number_value = table.Column<decimal>(type: "numeric", nullable: true),
                    date_value = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    bool_value = table.Column<bool>(type: "boolean", nullable: true),
                    user_value = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cs_record_properties", x => new { x.portal_id, x.object_type, x.record_id, x.name });
                    table.ForeignKey(
                        name: "FK_cs_record_properties_cs_records_portal_id_object_type_recor~",
                        columns: x => new { x.portal_id, x.object_type, x.record_id },
                        principalTable: "cs_records",
                        principalColumns: new[] { "portal_id", "object_type", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cs_aggregates_portal_id_aggregate_type",
                table: "cs_aggregates",
                columns: new[] { "portal_id", "aggregate_type" });

            migrationBuilder.CreateIndex(
                name: "IX_cs_outbox_portal_id",
                table: "cs_outbox",
                column: "portal_id");

            migrationBuilder.CreateIndex(
                name: "IX_cs_record_properties_portal_id_object_type_name",
                table: "cs_record_properties",
                columns: new[] { "portal_id", "object_type", "name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cs_aggregates");

            migrationBuilder.DropTable(
                name: "cs_outbox");

            migrationBuilder.DropTable(
                name: "cs_record_properties");

            migrationBuilder.DropTable(
                name: "cs_records");
        }
    }
}
