namespace Gongkai.Data;

/// <summary>
/// Database-level guard that the audit log is append-only, for writes that bypass Gongkai
/// (a console, a script). Installed by the Initial migration of each provider.
/// </summary>
internal static class AuditTriggers
{
    public const string Sqlite = """
        CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
        CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
        """;

    public const string SqliteDrop = """
        DROP TRIGGER IF EXISTS "AuditEntries_no_update";
        DROP TRIGGER IF EXISTS "AuditEntries_no_delete";
        """;

    public const string Postgres = """
        CREATE FUNCTION gongkai_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'The audit log is append-only.'; END $$;
        CREATE TRIGGER "AuditEntries_append_only" BEFORE UPDATE OR DELETE ON "AuditEntries"
        FOR EACH ROW EXECUTE FUNCTION gongkai_audit_append_only();
        """;

    public const string PostgresDrop = """
        DROP TRIGGER IF EXISTS "AuditEntries_append_only" ON "AuditEntries";
        DROP FUNCTION IF EXISTS gongkai_audit_append_only();
        """;
}
