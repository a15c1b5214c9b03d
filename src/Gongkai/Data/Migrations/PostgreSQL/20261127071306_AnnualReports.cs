using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class AnnualReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnnualReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IncludeDepartments = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PublishedItemId = table.Column<long>(type: "bigint", nullable: true),
                    Snapshot = table.Column<string>(type: "text", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualReports_Items_PublishedItemId",
                        column: x => x.PublishedItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportFigures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportFigures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportSectionTexts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    SavedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSectionTexts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Items_Kind_State",
                table: "Items",
                columns: new[] { "Kind", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_FinishedOn",
                table: "Applications",
                column: "FinishedOn");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_PublishedItemId",
                table: "AnnualReports",
                column: "PublishedItemId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_Year_Body",
                table: "AnnualReports",
                columns: new[] { "Year", "Body" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportFigures_Year_Body_Key",
                table: "ReportFigures",
                columns: new[] { "Year", "Body", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportSectionTexts_Year_Body_Key",
                table: "ReportSectionTexts",
                columns: new[] { "Year", "Body", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualReports");

            migrationBuilder.DropTable(
                name: "ReportFigures");

            migrationBuilder.DropTable(
                name: "ReportSectionTexts");

            migrationBuilder.DropIndex(
                name: "IX_Items_Kind_State",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Applications_FinishedOn",
                table: "Applications");
        }
    }
}
