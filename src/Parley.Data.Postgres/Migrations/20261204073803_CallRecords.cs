using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CallRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CallLegs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Party = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SipCallId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Address = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RingingAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SipStatus = table.Column<int>(type: "integer", nullable: true),
                    ReleaseCause = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RingMs = table.Column<long>(type: "bigint", nullable: true),
                    TalkMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallLegs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallLegs_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SipCallId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CallerNumber = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    CalledNumber = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    NumberId = table.Column<Guid>(type: "uuid", nullable: true),
                    TrunkId = table.Column<Guid>(type: "uuid", nullable: true),
                    ArrivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredByIvrAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IvrExitAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OfferedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WrapUpEndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FlowId = table.Column<Guid>(type: "uuid", nullable: true),
                    FlowVersion = table.Column<int>(type: "integer", nullable: true),
                    FlowPathJson = table.Column<string>(type: "text", nullable: true),
                    QueueId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    InteractionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Disposition = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReleaseCause = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReleasedBy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    IvrMs = table.Column<long>(type: "bigint", nullable: true),
                    WaitMs = table.Column<long>(type: "bigint", nullable: true),
                    RingMs = table.Column<long>(type: "bigint", nullable: true),
                    TalkMs = table.Column<long>(type: "bigint", nullable: true),
                    HoldMs = table.Column<long>(type: "bigint", nullable: false),
                    WrapUpMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallRecords_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallLegs_CallId_EndedAt",
                table: "CallLegs",
                columns: new[] { "CallId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CallLegs_TenantId_CallId",
                table: "CallLegs",
                columns: new[] { "TenantId", "CallId" });

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_NodeId_EndedAt",
                table: "CallRecords",
                columns: new[] { "NodeId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_TenantId_AgentId",
                table: "CallRecords",
                columns: new[] { "TenantId", "AgentId" });

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_TenantId_ArrivedAt_Id",
                table: "CallRecords",
                columns: new[] { "TenantId", "ArrivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_TenantId_InteractionId",
                table: "CallRecords",
                columns: new[] { "TenantId", "InteractionId" });

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_TenantId_QueueId",
                table: "CallRecords",
                columns: new[] { "TenantId", "QueueId" });

            migrationBuilder.Sql(
                """
                UPDATE "AspNetRoles"
                SET "PermissionList" = "PermissionList" || ' calls.read', "Version" = "Version" + 1
                WHERE "IsBuiltIn" = TRUE
                  AND "Name" IN ('tenant-admin', 'supervisor', 'platform-operator')
                  AND "PermissionList" NOT LIKE '% calls.read%' AND "PermissionList" NOT LIKE 'calls.read%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallLegs");

            migrationBuilder.DropTable(
                name: "CallRecords");
        }
    }
}
