using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Tasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cs_task_ids",
                columns: table => new
                {
                    portal_id = table.Column<long>(type: "INTEGER", nullable: false),
                    last_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cs_task_ids", x => x.portal_id);
                });

            migrationBuilder.CreateTable(
                name: "cs_task_tombstones",
                columns: table => new
                {
                    portal_id = table.Column<long>(type: "INTEGER", nullable: false),
                    task_id = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cs_task_tombstones", x => new { x.portal_id, x.task_id });
                });

            migrationBuilder.CreateTable(
                name: "cs_tasks",
                columns: table => new
                {
                    portal_id = table.Column<long>(type: "INTEGER", nullable: false),
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    type = table.Column<int>(type: "INTEGER", nullable: false),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    assignee_id = table.Column<long>(type: "INTEGER", nullable: true),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_by = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cs_tasks", x => new { x.portal_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "cs_task_associations",
                columns: table => new
                {
                    portal_id = table.Column<long>(type: "INTEGER", nullable: false),
                    task_id = table.Column<long>(type: "INTEGER", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    object_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    record_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cs_task_associations", x => new { x.portal_id, x.task_id, x.key });
                    table.ForeignKey(
                        name: "FK_cs_task_associations_cs_tasks_portal_id_task_id",
                        columns: x => new { x.portal_id, x.task_id },
                        principalTable: "cs_tasks",
                        principalColumns: new[] { "portal_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cs_task_associations_portal_id_key",
                table: "cs_task_associations",
                columns: new[] { "portal_id", "key" });

            migrationBuilder.CreateIndex(
                name: "IX_cs_tasks_portal_id_assignee_id_completed_at_due_at",
                table: "cs_tasks",
                columns: new[] { "portal_id", "assignee_id", "completed_at", "due_at" });

            migrationBuilder.CreateIndex(
                name: "IX_cs_tasks_portal_id_completed_at_due_at",
                table: "cs_tasks",
                columns: new[] { "portal_id", "completed_at", "due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cs_task_associations");

            migrationBuilder.DropTable(
                name: "cs_task_ids");

            migrationBuilder.DropTable(
                name: "cs_task_tombstones");

            migrationBuilder.DropTable(
                name: "cs_tasks");
        }
    }
}
