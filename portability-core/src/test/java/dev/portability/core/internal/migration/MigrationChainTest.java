package dev.portability.core.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.Column;
import dev.portability.api.LogicalType;
import dev.portability.api.NativeType;
import dev.portability.api.NativeValue;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import dev.portability.api.migration.Migration;
import dev.portability.api.migration.TableMigration;
import dev.portability.core.internal.migration.ArchiveMigration.TableMigrationSteps;
import dev.portability.core.internal.migration.ArchiveMigration.MigrationStepException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationChainTest {

    private static final TableSchema CLIENTS = TableSchema.builder("clients")
            .column("id", LogicalType.integer(), false)
            .column("name", LogicalType.text(), false)
            .primaryKey("id").build();
    private static final TableSchema NOTES = TableSchema.builder("notes")
            .column("id", LogicalType.integer(), false).primaryKey("id").build();

    private static ArchiveMigration chain(int from, Migration... steps) throws Exception {
        return MigrationRegistry.of(List.of(steps), steps[steps.length - 1].toVersion())
                .plan(from, steps[steps.length - 1].toVersion(), null);
    }

    @Test
    void rowsPassThroughEveryStepInOrder() throws Exception {
        ArchiveMigration migration = chain(1,
                Migration.from(1).to(2).renameTable("clients", "customers").build(),
                Migration.from(2).to(3).addColumn("customers", Column.required("status", LogicalType.text()),
                        "active").build());

        TableMigrationSteps table = migration.table(CLIENTS);

        assertThat(table.result().name()).isEqualTo("customers");
        assertThat(table.apply(Row.of(CLIENTS, 1L, "Ada")).values()).containsExactly(1L, "Ada", "active");
        assertThat(migration.steps()).containsExactly("1 -> 2: rename table clients to customers",
                "2 -> 3: add column customers.status TEXT NOT NULL ('active' in every row)");
    }

    @Test
    void aNativeValueKeepsItsColumnsEngineThroughARenameAndATypeChange() throws Exception {
        TableSchema legacy = TableSchema.builder("legacy")
                .column(new Column("id", LogicalType.integer(), false, NativeType.of("mariadb", "int")))
                .column(new Column("born", LogicalType.date(), true, NativeType.of("mariadb", "date")))
                .column(new Column("price", LogicalType.decimal(10, 2), true, NativeType.of("postgresql",
                        "numeric(10,2)")))
                .primaryKey("id").build();
        ArchiveMigration migration = chain(1,
                Migration.from(1).to(2).renameColumn("legacy", "born", "born_on").build(),
                Migration.from(2).to(3).changeType("legacy", "price", LogicalType.decimal(), value -> value).build());

        Row row = migration.table(legacy).apply(Row.of(legacy, 1L, new NativeValue("mariadb", "0000-00-00"),
                new NativeValue("postgresql", "NaN")));

        assertThat(row.values()).containsExactly(1L, new NativeValue("mariadb", "0000-00-00"),
                new NativeValue("postgresql", "NaN"));
        assertThat(row.schema().column("born_on").orElseThrow().nativeType()).isEqualTo(NativeType.of("mariadb",
                "date"));
    }

    @Test
    void aTableNoStepChangesPassesUnchanged() throws Exception {
        ArchiveMigration migration = chain(1, Migration.from(1).to(2).renameTable("clients", "customers").build());

        assertThat(migration.table(NOTES)).isNull();
    }

    @Test
    void aDroppedTableHasNoResult() throws Exception {
        ArchiveMigration migration = chain(1, Migration.from(1).to(2).dropTable("notes").build());

        assertThat(migration.table(NOTES).result()).isNull();
    }

    @Test
    void valuesAStepWritesAreMadeCanonicalForTheirType() throws Exception {
        ArchiveMigration migration = chain(1, Migration.from(1).to(2).addColumn("clients",
                Column.required("rank", LogicalType.integer()), 5).build());

        Row row = migration.table(CLIENTS).apply(Row.of(CLIENTS, 1L, "Ada"));

        assertThat(row.get("rank")).isEqualTo(5L);
    }

    @Test
    void aNullInAColumnTheStepDeclaresNotNullNamesStepTableAndColumn() throws Exception {
        ArchiveMigration migration = chain(1, Migration.from(1).to(2).addComputedColumn("clients",
                Column.required("nickname", LogicalType.text()), row -> null).build());

        assertThatThrownBy(() -> migration.table(CLIENTS).apply(Row.of(CLIENTS, 1L, "Ada")))
                .isInstanceOfSatisfying(MigrationStepException.class, e -> {
                    assertThat(e.column()).isEqualTo("nickname");
                    assertThat(e.getMessage()).isEqualTo("migration step 1 -> 2 produced NULL in column nickname of "
                            + "table clients, which the step declares NOT NULL");
                });
    }

    @Test
    void aValueThatDoesNotFitTheDeclaredTypeIsCaughtWithTheValidationCheckers() throws Exception {
        ArchiveMigration migration = chain(1, Migration.from(1).to(2).addComputedColumn("clients",
                Column.nullable("code", LogicalType.text(3)), row -> row.get("name") + "-code").build());

        assertThatThrownBy(() -> migration.table(CLIENTS).apply(Row.of(CLIENTS, 1L, "Ada")))
                .isInstanceOfSatisfying(MigrationStepException.class, e -> {
                    assertThat(e.column()).isEqualTo("code");
                    assertThat(e.getMessage()).isEqualTo("migration step 1 -> 2 produced an invalid value in column "
                            + "code of table clients: text of 8 characters is longer than TEXT(3) allows");
                });
    }

    @Test
    void aStepThatDoesNotFitTheArchivedTableIsReportedWhenPlanning() throws Exception {
        ArchiveMigration migration = chain(1, Migration.from(1).to(2).dropColumn("clients", "email").build());

        assertThatThrownBy(() -> migration.table(CLIENTS))
                .isInstanceOfSatisfying(MigrationStepException.class, e -> {
                    assertThat(e.column()).isEqualTo("email");
                    assertThat(e.getMessage()).isEqualTo("migration step 1 -> 2 does not fit table clients: drop "
                            + "column clients.email: table clients has no column email; its columns are [id, name]");
                });
    }

    @Test
    void aFailingHostWrittenStepIsReportedWithTheStep() throws Exception {
        Migration broken = new Migration() {
            @Override
            public int fromVersion() {
                return 1;
            }

            @Override
            public int toVersion() {
                return 2;
            }

            @Override
            public TableMigration table(TableSchema table) {
                return TableMigration.of(table, row -> {
                    throw new IllegalStateException("lookup service unavailable");
                });
            }
        };
        ArchiveMigration migration = chain(1, broken);

        assertThatThrownBy(() -> migration.table(CLIENTS).apply(Row.of(CLIENTS, 1L, "Ada")))
                .isInstanceOf(MigrationStepException.class)
                .hasMessage("migration step 1 -> 2 failed on table clients: java.lang.IllegalStateException: "
                        + "lookup service unavailable");
    }

    @Test
    void aStepThatReturnsARowOfTheWrongShapeIsRefused() throws Exception {
        TableSchema wider = TableSchema.builder("clients").column("id", LogicalType.integer(), false)
                .column("name", LogicalType.text(), false).column("extra", LogicalType.text(), true).build();
        ArchiveMigration migration = chain(1, Migration.from(1).to(2).custom("claims a wider table",
                table -> TableMigration.of(wider, row -> row)).build());

        assertThatThrownBy(() -> migration.table(CLIENTS).apply(Row.of(CLIENTS, 1L, "Ada")))
                .isInstanceOf(MigrationStepException.class)
                .hasMessage("migration step 1 -> 2 returned a row of table clients with 2 values, but declares table "
                        + "clients with 3 columns [id, name, extra]");
    }

    @Test
    void explanationsNameTheStepThatWritesAColumn() throws Exception {
        ArchiveMigration migration = chain(1,
                Migration.from(1).to(2).addColumn("clients", Column.nullable("status", LogicalType.text()), null)
                        .build(),
                Migration.from(2).to(3).renameTable("clients", "customers").build());

        TableMigrationSteps table = migration.table(CLIENTS);

        assertThat(table.explain("status")).isEqualTo("after migration step 1 -> 2, which writes column status");
        assertThat(table.explain("name")).isEqualTo("after migration steps 1 -> 2, 2 -> 3");
        assertThat(table.explain(null)).isEqualTo("after migration steps 1 -> 2, 2 -> 3");
    }
}
