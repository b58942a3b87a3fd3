package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitsAtSemicolons_skippingComments() {
    assertThat(SqlScript.statements("""
        -- a comment; with a semicolon
        CREATE TABLE a (x INTEGER); /* another; */ CREATE TABLE b (y TEXT);
        ;
        """)).containsExactly("CREATE TABLE a (x INTEGER)", "CREATE TABLE b (y TEXT)");
  }

  @Test
  void leavesSemicolonsInQuotesAndDollarQuotedBodies() {
    assertThat(SqlScript.statements("""
        INSERT INTO t VALUES ('a;b', 'it''s; fine', "odd;name");
        CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
        CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN $1; END $body$;
        SELECT $1
        """)).containsExactly(
        "INSERT INTO t VALUES ('a;b', 'it''s; fine', \"odd;name\")",
        "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$",
        "CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN $1; END $body$",
        "SELECT $1");
  }
}
