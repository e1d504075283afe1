using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SipRegistrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SipRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Aor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ContactUri = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CallId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceAddress = table.Column<string>(type: "TEXT", maxLength: 45, nullable: false),
                    SourcePort = table.Column<int>(type: "INTEGER", nullable: false),
                    Transport = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SipRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SipRegistrations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SipRegistrations_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SipRegistrations_ExpiresAt",
                table: "SipRegistrations",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_SipRegistrations_TenantId_Aor_ContactUri",
                table: "SipRegistrations",
                columns: new[] { "TenantId", "Aor", "ContactUri" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SipRegistrations_UserId",
                table: "SipRegistrations",
                column: "UserId");

            // Existing tenants' built-in roles gain the new permission (new tenants get it from BuiltInRoles).
            migrationBuilder.Sql(
                """
                UPDATE "AspNetRoles"
                SET "PermissionList" = "PermissionList" || ' sip-registrations.read', "Version" = "Version" + 1
                WHERE "IsBuiltIn" = 1
                  AND "Name" IN ('tenant-admin', 'supervisor', 'platform-operator')
                  AND "PermissionList" NOT LIKE '%sip-registrations.read%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                UPDATE "AspNetRoles"
                SET "PermissionList" = REPLACE("PermissionList", ' sip-registrations.read', ''), "Version" = "Version" + 1
                WHERE "IsBuiltIn" = 1;
                """);

            migrationBuilder.DropTable(
                name: "SipRegistrations");
        }
    }
}
