using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VoiceNumbersTrunks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PhoneKind",
                table: "Agents",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<Guid>(
                name: "PhoneSipCredentialId",
                table: "Agents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneUri",
                table: "Agents",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PhoneNumbers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TargetKind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: true),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneNumbers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhoneNumbers_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SipTrunks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AllowedAddresses = table.Column<List<string>>(type: "text[]", nullable: false),
                    InboundUserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    InboundRealm = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    InboundHa1Md5 = table.Column<string>(type: "character(32)", fixedLength: true, maxLength: 32, nullable: true),
                    InboundHa1Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    OutboundHost = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    OutboundPort = table.Column<int>(type: "integer", nullable: false),
                    OutboundTransport = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    OutboundUserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OutboundPasswordProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CallerIdPolicy = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CallerIdNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CountryCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    NationalPrefix = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    MaxConcurrentCalls = table.Column<int>(type: "integer", nullable: false),
                    MaxCallsPerSecond = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SipTrunks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SipTrunks_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_Number",
                table: "PhoneNumbers",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhoneNumbers_TenantId_Number",
                table: "PhoneNumbers",
                columns: new[] { "TenantId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_SipTrunks_TenantId_InboundUserName",
                table: "SipTrunks",
                columns: new[] { "TenantId", "InboundUserName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SipTrunks_TenantId_Name",
                table: "SipTrunks",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.Sql(
                """
                UPDATE "AspNetRoles"
                SET "PermissionList" = "PermissionList" || ' numbers.read', "Version" = "Version" + 1
                WHERE "IsBuiltIn" = TRUE
                  AND "Name" IN ('tenant-admin', 'platform-operator')
                  AND "PermissionList" NOT LIKE '% numbers.read%' AND "PermissionList" NOT LIKE 'numbers.read%';
                """);

            migrationBuilder.Sql(
                """
                UPDATE "AspNetRoles"
                SET "PermissionList" = "PermissionList" || ' numbers.write', "Version" = "Version" + 1
                WHERE "IsBuiltIn" = TRUE
                  AND "Name" IN ('tenant-admin', 'platform-operator')
                  AND "PermissionList" NOT LIKE '% numbers.write%' AND "PermissionList" NOT LIKE 'numbers.write%';
                """);

            migrationBuilder.Sql(
                """
                UPDATE "AspNetRoles"
                SET "PermissionList" = "PermissionList" || ' trunks.read', "Version" = "Version" + 1
                WHERE "IsBuiltIn" = TRUE
                  AND "Name" IN ('tenant-admin', 'platform-operator')
                  AND "PermissionList" NOT LIKE '% trunks.read%' AND "PermissionList" NOT LIKE 'trunks.read%';
                """);

            migrationBuilder.Sql(
                """
                UPDATE "AspNetRoles"
                SET "PermissionList" = "PermissionList" || ' trunks.write', "Version" = "Version" + 1
                WHERE "IsBuiltIn" = TRUE
                  AND "Name" IN ('tenant-admin', 'platform-operator')
                  AND "PermissionList" NOT LIKE '% trunks.write%' AND "PermissionList" NOT LIKE 'trunks.write%';
                """);

            migrationBuilder.Sql(
                """
                UPDATE "AspNetRoles"
                SET "PermissionList" = "PermissionList" || ' numbers.read', "Version" = "Version" + 1
                WHERE "IsBuiltIn" = TRUE
                  AND "Name" IN ('supervisor')
                  AND "PermissionList" NOT LIKE '% numbers.read%' AND "PermissionList" NOT LIKE 'numbers.read%';
                """);

            migrationBuilder.Sql(
                """
                UPDATE "AspNetRoles"
                SET "PermissionList" = "PermissionList" || ' trunks.read', "Version" = "Version" + 1
                WHERE "IsBuiltIn" = TRUE
                  AND "Name" IN ('supervisor')
                  AND "PermissionList" NOT LIKE '% trunks.read%' AND "PermissionList" NOT LIKE 'trunks.read%';
                """);

            migrationBuilder.Sql(
                """
                UPDATE "AspNetRoles"
                SET "PermissionList" = "PermissionList" || ' platform.numbers.read', "Version" = "Version" + 1
                WHERE "IsBuiltIn" = TRUE
                  AND "Name" IN ('platform-operator')
                  AND "PermissionList" NOT LIKE '% platform.numbers.read%' AND "PermissionList" NOT LIKE 'platform.numbers.read%';
                """);

            migrationBuilder.Sql(
                """
                UPDATE "AspNetRoles"
                SET "PermissionList" = "PermissionList" || ' platform.numbers.write', "Version" = "Version" + 1
                WHERE "IsBuiltIn" = TRUE
                  AND "Name" IN ('platform-operator')
                  AND "PermissionList" NOT LIKE '% platform.numbers.write%' AND "PermissionList" NOT LIKE 'platform.numbers.write%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var permission in new[] { "numbers.read", "numbers.write", "trunks.read", "trunks.write", "platform.numbers.read", "platform.numbers.write" })
            {
                migrationBuilder.Sql(
                    $"""
                    UPDATE "AspNetRoles"
                    SET "PermissionList" = REPLACE("PermissionList", ' {permission}', ''), "Version" = "Version" + 1
                    WHERE "IsBuiltIn" = TRUE;
                    """);
            }

            migrationBuilder.DropTable(
                name: "PhoneNumbers");

            migrationBuilder.DropTable(
                name: "SipTrunks");

            migrationBuilder.DropColumn(
                name: "PhoneKind",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "PhoneSipCredentialId",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "PhoneUri",
                table: "Agents");
        }
    }
}
