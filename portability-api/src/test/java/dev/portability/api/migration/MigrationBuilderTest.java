package dev.portability.api.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portability.api.Column;
import dev.portability.api.ConfigurationException;
import dev.portability.api.ForeignKey;
import dev.portability.api.LogicalType;
import dev.portability.api.Row;
import dev.portability.api.TableSchema;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MigrationBuilderTest {

    private static final TableSchema CLIENTS = TableSchema.builder("clients")
            .column("id", LogicalType.integer(), false)
            .column("name", LogicalType.text(200), false)
            .column("fax", LogicalType.text(40), true)
            .primaryKey("id").build();
    private static final TableSchema ORDERS = TableSchema.builder("orders")
            .column("id", LogicalType.integer(), false)
            .column("client_id", LogicalType.integer(), false)
            .column("total", LogicalType.text(), true)
            .primaryKey("id")
            .foreignKey(ForeignKey.of("client_id", "clients", "id")).build();

    private static Row client(long id, String name, String fax) {
        return Row.of(CLIENTS, id, name, fax);
    }

    @Test
    void renamingATableCarriesItsRowsAndTheForeignKeysThatReferenceIt() {
        Migration step = Migration.from(1).to(2).renameTable("clients", "customers").build();

        TableMigration clients = step.table(CLIENTS);
        TableMigration orders = step.table(ORDERS);

        assertThat(clients.result().name()).isEqualTo("customers");
        assertThat(clients.result().columns()).isEqualTo(CLIENTS.columns());
        assertThat(clients.apply(client(1, "Ada", null)).values()).containsExactly(1L, "Ada", null);
        assertThat(orders.result().foreignKeys()).containsExactly(ForeignKey.of("client_id", "customers", "id"));
    }

    @Test
    void aTableTheStepDoesNotNameIsLeftAsItIs() {
        Migration step = Migration.from(1).to(2).addColumn("orders", Column.nullable("note", LogicalType.text()),
                null).build();

        assertThat(step.table(CLIENTS)).isNull();
    }

    @Test
    void changesApplyInOrderEachSeeingTheNamesTheEarlierOnesGave() {
        Migration step = Migration.from(1).to(2)
                .renameTable("clients", "customers")
                .addColumn("customers", Column.required("status", LogicalType.text(16)), "active")
                .addComputedColumn("customers", Column.required("upper_name", LogicalType.text()),
                        row -> ((String) row.get("name")).toUpperCase(Locale.ROOT))
                .build();

        TableMigration migration = step.table(CLIENTS);
        Row row = migration.apply(client(7, "Ada", "+44"));

        assertThat(migration.result().columnNames()).containsExactly("id", "name", "fax", "status", "upper_name");
        assertThat(row.values()).containsExactly(7L, "Ada", "+44", "active", "ADA");
        assertThat(step.description()).isEqualTo("rename table clients to customers; add column customers.status "
                + "TEXT(16) NOT NULL ('active' in every row); add column customers.upper_name TEXT NOT NULL "
                + "(computed from each row)");
    }

    @Test
    void renamingAColumnRenamesItInTheKeysThatUseIt() {
        Migration step = Migration.from(1).to(2).renameColumn("clients", "id", "client_no").build();

        TableSchema clients = step.table(CLIENTS).result();
        TableSchema orders = step.table(ORDERS).result();

        assertThat(clients.columnNames()).containsExactly("client_no", "name", "fax");
        assertThat(clients.primaryKey()).containsExactly("client_no");
        assertThat(orders.foreignKeys()).containsExactly(ForeignKey.of("client_id", "clients", "client_no"));
    }

    @Test
    void droppingAColumnRemovesItsValueFromEveryRow() {
        Migration step = Migration.from(1).to(2).dropColumn("clients", "fax").build();

        TableMigration migration = step.table(CLIENTS);

        assertThat(migration.result().columnNames()).containsExactly("id", "name");
        assertThat(migration.apply(client(1, "Ada", "+44")).values()).containsExactly(1L, "Ada");
    }

    @Test
    void droppingATableDropsItAndTheForeignKeysThatReferenceIt() {
        Migration step = Migration.from(1).to(2).dropTable("clients").build();

        assertThat(step.table(CLIENTS).result()).isNull();
        assertThat(step.table(ORDERS).result().foreignKeys()).isEmpty();
    }

    @Test
    void splittingAColumnPutsTheNewColumnsInItsPlace() {
        Migration step = Migration.from(2).to(3).splitColumn("clients", "name",
                List.of(Column.required("first_name", LogicalType.text()),
                        Column.required("last_name", LogicalType.text())),
                name -> Arrays.asList(((String) name).split(" ", 2))).build();

        TableMigration migration = step.table(CLIENTS);

        assertThat(migration.result().columnNames()).containsExactly("id", "first_name", "last_name", "fax");
        assertThat(migration.apply(client(1, "Ada Lovelace", null)).values())
                .containsExactly(1L, "Ada", "Lovelace", null);
        assertThatThrownBy(() -> migration.apply(client(2, "Cher", null)))
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.column()).isEqualTo("name");
                    assertThat(e.getMessage()).isEqualTo("split column clients.name into first_name, last_name: "
                            + "the function returned 1 value for 2 columns");
                });
    }

    @Test
    void mergingColumnsPutsTheNewColumnWhereTheFirstOfThemWas() {
        Migration step = Migration.from(1).to(2).mergeColumns("clients", List.of("fax", "name"),
                Column.required("contact", LogicalType.text()),
                values -> values.get(1) + (values.get(0) == null ? "" : " (fax " + values.get(0) + ")")).build();

        TableMigration migration = step.table(CLIENTS);

        assertThat(migration.result().columnNames()).containsExactly("id", "contact");
        assertThat(migration.apply(client(1, "Ada", "+44")).values()).containsExactly(1L, "Ada (fax +44)");
        assertThat(migration.apply(client(2, "Alan", null)).values()).containsExactly(2L, "Alan");
    }

    @Test
    void changingATypeConvertsEveryValueButNull() {
        Migration step = Migration.from(1).to(2).changeType("orders", "total", LogicalType.decimal(12, 2),
                total -> new BigDecimal((String) total)).build();

        TableMigration migration = step.table(ORDERS);

        assertThat(migration.result().column("total").orElseThrow())
                .isEqualTo(Column.nullable("total", LogicalType.decimal(12, 2)));
        assertThat(migration.apply(Row.of(ORDERS, 1L, 1L, "12.50")).get("total")).isEqualTo(new BigDecimal("12.50"));
        assertThat(migration.apply(Row.of(ORDERS, 2L, 1L, null)).get("total")).isNull();
    }

    @Test
    void transformingRowsChangesValuesAndDroppingRowsLeavesThemOut() {
        Migration step = Migration.from(1).to(2)
                .transformRows("clients", row -> row.get("fax") != null ? row : row.with("fax", "none"))
                .dropRows("clients", row -> ((String) row.get("name")).isEmpty())
                .build();

        TableMigration migration = step.table(CLIENTS);

        assertThat(migration.apply(client(1, "Ada", null)).get("fax")).isEqualTo("none");
        assertThat(migration.apply(client(2, "Alan", "+44")).get("fax")).isEqualTo("+44");
        assertThat(migration.apply(client(3, "", null))).isNull();
    }

    @Test
    void aTransformThatReturnsARowOfAnotherTableIsRefused() {
        Migration step = Migration.from(1).to(2).transformRows("clients", row -> Row.of(ORDERS, 1L, 1L, null))
                .build();

        assertThatThrownBy(() -> step.table(CLIENTS).apply(client(1, "Ada", null)))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("transform the rows of clients: the function returned a row of orders");
    }

    @Test
    void aFunctionThatThrowsIsReportedWithTheChangeAndTheColumn() {
        Migration step = Migration.from(1).to(2).addComputedColumn("clients",
                Column.required("initial", LogicalType.text(1)), row -> ((String) row.get("fax")).substring(0, 1))
                .build();

        assertThatThrownBy(() -> step.table(CLIENTS).apply(client(1, "Ada", null)))
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.column()).isEqualTo("initial");
                    assertThat(e.getMessage()).startsWith("add column clients.initial TEXT(1) NOT NULL (computed "
                            + "from each row): the function threw java.lang.NullPointerException");
                    assertThat(e.getCause()).isInstanceOf(NullPointerException.class);
                });
    }

    @Test
    void aChangeNamingAColumnTheTableLacksDoesNotFitIt() {
        Migration step = Migration.from(1).to(2).renameColumn("clients", "email", "mail").build();

        assertThatThrownBy(() -> step.table(CLIENTS))
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.column()).isEqualTo("email");
                    assertThat(e.getMessage()).isEqualTo("rename column clients.email to mail: table clients has "
                            + "no column email; its columns are [id, name, fax]");
                });
    }

    @Test
    void addingATableTheArchiveAlreadyHoldsDoesNotFit() {
        Migration step = Migration.from(1).to(2).addTable(TableSchema.builder("clients")
                .column("id", LogicalType.integer(), false).build()).build();

        assertThatThrownBy(() -> step.table(CLIENTS)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("the archive already holds a table named clients");
        assertThat(step.table(ORDERS)).isNull();
    }

    @Test
    void aCustomChangeMapsWhatTheVocabularyDoesNot() {
        Migration step = Migration.from(1).to(2).custom("upper-case every text value", table ->
                TableMigration.of(table, row -> {
                    Object[] values = row.values();
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] instanceof String text) {
                            values[i] = text.toUpperCase(Locale.ROOT);
                        }
                    }
                    return Row.of(table, values);
                })).build();

        assertThat(step.table(CLIENTS).apply(client(1, "Ada", "x")).values()).containsExactly(1L, "ADA", "X");
        assertThat(step.description()).isEqualTo("upper-case every text value");
    }

    @Test
    void aStepWithoutChangesSaysSo() {
        Migration step = Migration.from(3).to(4).build();

        assertThat(step.table(CLIENTS)).isNull();
        assertThat(step.description()).isEqualTo("no change to the data");
    }

    @Test
    void badArgumentsAreRefusedWhenGiven() {
        assertThatThrownBy(() -> Migration.from(-1)).isInstanceOf(ConfigurationException.class)
                .hasMessage("Migration.from: the version must be 0 or more, was -1");
        assertThatThrownBy(() -> Migration.from(2).to(2)).isInstanceOf(ConfigurationException.class)
                .hasMessage("Migration.from(2).to: the version must be above 2, was 2");
        assertThatThrownBy(() -> Migration.from(2).renameTable("a", "b").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("call to(3)");
        assertThatThrownBy(() -> Migration.from(1).to(2).addColumn("clients",
                Column.required("status", LogicalType.text()), null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("the column is NOT NULL, so its value cannot be null");
        assertThatThrownBy(() -> Migration.from(1).to(2).splitColumn("clients", "name", List.of(), v -> List.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("into is empty");
        assertThatThrownBy(() -> Migration.from(1).to(2).dropColumn("clients", " "))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("column must not be blank");
    }
}
