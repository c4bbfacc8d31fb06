package io.github.jdbcv2.dsql.emulator;

/**
 * The SQL that makes an emulator database behave like DSQL: the per-transaction modified-row limit.
 */
final class DsqlEmulatorSql {

    private DsqlEmulatorSql() {}

    /**
     * Installs, as superuser, the row limit: a statement-level AFTER trigger per table and event
     * (using transition tables) adds the statement's rows to a transaction-local counter and raises
     * SQLSTATE 54000 past the limit; an event trigger attaches these triggers to every table
     * created afterwards.
     */
    static String[] installRowLimit(int maxRowsPerTransaction) {
        return new String[] {
            "CREATE SCHEMA dsql_emulator",
            "GRANT USAGE ON SCHEMA dsql_emulator TO PUBLIC",
            "CREATE TABLE dsql_emulator.settings (max_rows_per_transaction BIGINT NOT NULL)",
            "INSERT INTO dsql_emulator.settings VALUES (" + maxRowsPerTransaction + ")",
            "GRANT SELECT ON dsql_emulator.settings TO PUBLIC",
            "CREATE FUNCTION dsql_emulator.count_modified_rows() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                    + "DECLARE\n"
                    + "  changed BIGINT;\n"
                    + "  total BIGINT;\n"
                    + "  max_rows BIGINT;\n"
                    + "BEGIN\n"
                    + "  SELECT count(*) INTO changed FROM dsql_emulator_changed_rows;\n"
                    + "  total := coalesce(nullif(current_setting('dsql_emulator.rows_modified', true), ''), '0')"
                    + "::BIGINT + changed;\n"
                    + "  PERFORM set_config('dsql_emulator.rows_modified', total::TEXT, true);\n"
                    + "  SELECT s.max_rows_per_transaction INTO max_rows FROM dsql_emulator.settings s;\n"
                    + "  IF total > max_rows THEN\n"
                    + "    RAISE EXCEPTION USING ERRCODE = '54000',\n"
                    + "      MESSAGE = format('transaction row limit exceeded: %s rows modified, at most %s per"
                    + " transaction (DSQL emulator)', total, max_rows),\n"
                    + "      HINT = 'Commit in smaller transactions.';\n"
                    + "  END IF;\n"
                    + "  RETURN NULL;\n"
                    + "END $$",
            "CREATE FUNCTION dsql_emulator.attach_row_limit_to(t REGCLASS) RETURNS VOID LANGUAGE plpgsql AS $$\n"
                    + "BEGIN\n"
                    + "  EXECUTE format('CREATE TRIGGER dsql_emulator_rows_insert AFTER INSERT ON %s"
                    + " REFERENCING NEW TABLE AS dsql_emulator_changed_rows FOR EACH STATEMENT"
                    + " EXECUTE FUNCTION dsql_emulator.count_modified_rows()', t);\n"
                    + "  EXECUTE format('CREATE TRIGGER dsql_emulator_rows_update AFTER UPDATE ON %s"
                    + " REFERENCING NEW TABLE AS dsql_emulator_changed_rows FOR EACH STATEMENT"
                    + " EXECUTE FUNCTION dsql_emulator.count_modified_rows()', t);\n"
                    + "  EXECUTE format('CREATE TRIGGER dsql_emulator_rows_delete AFTER DELETE ON %s"
                    + " REFERENCING OLD TABLE AS dsql_emulator_changed_rows FOR EACH STATEMENT"
                    + " EXECUTE FUNCTION dsql_emulator.count_modified_rows()', t);\n"
                    + "END $$",
            "CREATE FUNCTION dsql_emulator.on_create_table() RETURNS event_trigger LANGUAGE plpgsql AS $$\n"
                    + "DECLARE obj RECORD;\n"
                    + "BEGIN\n"
                    + "  FOR obj IN SELECT * FROM pg_event_trigger_ddl_commands()\n"
                    + "      WHERE command_tag = 'CREATE TABLE' AND object_type = 'table' LOOP\n"
                    + "    PERFORM dsql_emulator.attach_row_limit_to(obj.objid::REGCLASS);\n"
                    + "  END LOOP;\n"
                    + "END $$",
            "CREATE EVENT TRIGGER dsql_emulator_row_limit ON ddl_command_end WHEN TAG IN ('CREATE TABLE')"
                    + " EXECUTE FUNCTION dsql_emulator.on_create_table()"
        };
    }

    static String setRowLimit(int maxRowsPerTransaction) {
        return "UPDATE dsql_emulator.settings SET max_rows_per_transaction = "
                + maxRowsPerTransaction;
    }
}
