using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clusterpact.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Calls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AffiliationEnterpriseNumber",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TitleNl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BudgetEur = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HideApplicantFromExperts = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScaleMax = table.Column<int>(type: "INTEGER", nullable: false),
                    ScaleMin = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ApplicantEnterpriseNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StrategicDomain = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Vision = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ActionPlan = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ConsortiumDescription = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IneligibilityReasons = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_applications_calls_CallId",
                        column: x => x.CallId,
                        principalTable: "calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "call_criteria",
                columns: table => new
                {
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NameNl = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_criteria", x => x.RowId);
                    table.ForeignKey(
                        name: "FK_call_criteria_calls_CallId",
                        column: x => x.CallId,
                        principalTable: "calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "call_documents",
                columns: table => new
                {
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameNl = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_documents", x => x.RowId);
                    table.ForeignKey(
                        name: "FK_call_documents_calls_CallId",
                        column: x => x.CallId,
                        principalTable: "calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    DocumentCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_attachments_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_history",
                columns: table => new
                {
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_history", x => x.RowId);
                    table.ForeignKey(
                        name: "FK_application_history_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_members",
                columns: table => new
                {
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnterpriseNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Size = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_members", x => x.RowId);
                    table.ForeignKey(
                        name: "FK_application_members_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_years",
                columns: table => new
                {
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetEur = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    CofinancingEur = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_years", x => x.RowId);
                    table.ForeignKey(
                        name: "FK_application_years_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consensus",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consensus", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consensus_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "expert_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Declaration = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DeclarationExplanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_expert_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_expert_assignments_AspNetUsers_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_expert_assignments_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_expert_assignments_calls_CallId",
                        column: x => x.CallId,
                        principalTable: "calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stored_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stored_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_stored_files_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consensus_scores",
                columns: table => new
                {
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriterionCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<double>(type: "REAL", precision: 9, scale: 2, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsensusId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consensus_scores", x => x.RowId);
                    table.ForeignKey(
                        name: "FK_consensus_scores_consensus_ConsensusId",
                        column: x => x.ConsensusId,
                        principalTable: "consensus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "expert_conflict_flags",
                columns: table => new
                {
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EnterpriseNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_expert_conflict_flags", x => x.RowId);
                    table.ForeignKey(
                        name: "FK_expert_conflict_flags_expert_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "expert_assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "expert_scores",
                columns: table => new
                {
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriterionCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<double>(type: "REAL", precision: 9, scale: 2, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ScoredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_expert_scores", x => x.RowId);
                    table.ForeignKey(
                        name: "FK_expert_scores_expert_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "expert_assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_application_attachments_ApplicationId",
                table: "application_attachments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_application_history_ApplicationId",
                table: "application_history",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_application_members_ApplicationId",
                table: "application_members",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_application_years_ApplicationId",
                table: "application_years",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_applications_CallId_Number",
                table: "applications",
                columns: new[] { "CallId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_applications_OwnerId",
                table: "applications",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_call_criteria_CallId",
                table: "call_criteria",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_call_documents_CallId",
                table: "call_documents",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_consensus_ApplicationId",
                table: "consensus",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consensus_scores_ConsensusId",
                table: "consensus_scores",
                column: "ConsensusId");

            migrationBuilder.CreateIndex(
                name: "IX_expert_assignments_ApplicationId_ExpertId",
                table: "expert_assignments",
                columns: new[] { "ApplicationId", "ExpertId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_expert_assignments_CallId",
                table: "expert_assignments",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_expert_assignments_ExpertId",
                table: "expert_assignments",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_expert_conflict_flags_AssignmentId",
                table: "expert_conflict_flags",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_expert_scores_AssignmentId",
                table: "expert_scores",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_stored_files_ApplicationId",
                table: "stored_files",
                column: "ApplicationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_attachments");

            migrationBuilder.DropTable(
                name: "application_history");

            migrationBuilder.DropTable(
                name: "application_members");

            migrationBuilder.DropTable(
                name: "application_years");

            migrationBuilder.DropTable(
                name: "call_criteria");

            migrationBuilder.DropTable(
                name: "call_documents");

            migrationBuilder.DropTable(
                name: "consensus_scores");

            migrationBuilder.DropTable(
                name: "expert_conflict_flags");

            migrationBuilder.DropTable(
                name: "expert_scores");

            migrationBuilder.DropTable(
                name: "stored_files");

            migrationBuilder.DropTable(
                name: "consensus");

            migrationBuilder.DropTable(
                name: "expert_assignments");

            migrationBuilder.DropTable(
                name: "applications");

            migrationBuilder.DropTable(
                name: "calls");

            migrationBuilder.DropColumn(
                name: "AffiliationEnterpriseNumber",
                table: "AspNetUsers");
        }
    }
}
