using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore.Migrations.Sqlite
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
                    aggregate_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    portal_id = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    schema_version = table.Column<int>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cs_aggregates", x => new { x.aggregate_type, x.key });
                });

            migrationBuilder.CreateTable(
                name: "cs_outbox",
                columns: table => new
                {
                    position = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    portal_id = table.Column<long>(type: "INTEGER", nullable: false),
                    aggregate_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    aggregate_key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    type_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cs_outbox", x => x.position);
                });

            migrationBuilder.CreateTable(
                name: "cs_records",
                columns: table => new
                {
                    portal_id = table.Column<long>(type: "INTEGER", nullable: false),
                    object_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    csm_owner_id = table.Column<long>(type: "INTEGER", nullable: true),
                    owner_assigned_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_activity_at = table.Column<long>(type: "INTEGER", nullable: true),
                    pipeline_id = table.Column<string>(type: "TEXT", nullable: true),
                    stage_id = table.Column<string>(type: "TEXT", nullable: true),
                    amount = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cs_records", x => new { x.portal_id, x.object_type, x.id });
                });

            migrationBuilder.CreateTable(
                name: "cs_record_properties",
                columns: table => new
                {
                    portal_id = table.Column<long>(type: "INTEGER", nullable: false),
                    object_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    record_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    text_value = table.Column<string>(type: "TEXT", nullable: true),
                    number_value = table.Column<double>(type: "REAL", nullable: true),
                    date_value = table.Column<long>(type: "INTEGER", nullable: true),
                    bool_value = table.Column<bool>(type: "INTEGER", nullable: true),
                    user_value = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cs_record_properties", x => new { x.portal_id, x.object_type, x.record_id, x.name });
                    table.ForeignKey(
                        name: "FK_cs_record_properties_cs_records_portal_id_object_type_record_id",
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
