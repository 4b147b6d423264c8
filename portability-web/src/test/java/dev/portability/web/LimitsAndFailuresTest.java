package dev.portability.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.StoreException;
import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.TableAdapter;
import dev.portability.jdbc.JdbcStore;
import dev.portability.jdbc.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's own limits (429) and a database that fails while counting (503, retryable or not). */
class LimitsAndFailuresTest {

    @TempDir
    static Path spool;

    private static TestDatabase shop;
    private static ConsoleServer server;
    private static volatile Supplier<RuntimeException> countFailure;

    @BeforeAll
    static void start() {
        shop = WebShop.create(TestDatabase.Kind.H2, 2);
        PortabilityWebAccess admin = PortabilityWebAccess.requireRole("ADMIN");
        server = ConsoleServer.start(Map.of(
                "console", PortabilityWeb.builder(WebShop.portability(shop)).access(admin)
                        .spoolDirectory(spool.resolve("console")).build(),
                "failing", PortabilityWeb.builder(WebShop.portability(failingCounts(JdbcStore.discover(
                        shop.dataSource())))).access(admin).spoolDirectory(spool.resolve("failing")).build()));
    }

    @AfterAll
    static void stop() {
        server.close();
        shop.close();
    }

    /** @return the store, whose adapters' count() throws what {@link #countFailure} supplies, when set */
    @SuppressWarnings("unchecked")
    private static DataStore<?> failingCounts(DataStore<?> store) {
        return (DataStore<?>) Proxy.newProxyInstance(LimitsAndFailuresTest.class.getClassLoader(),
                new Class<?>[] {DataStore.class}, (proxy, method, args) -> {
                    Object result = invoke(store, method, args);
                    if (!method.getName().equals("tables")) {
                        return result;
                    }
                    return ((List<TableAdapter<?>>) result).stream().map(adapter -> (TableAdapter<?>) Proxy
                            .newProxyInstance(LimitsAndFailuresTest.class.getClassLoader(),
                                    new Class<?>[] {TableAdapter.class}, (p, m, a) -> {
                                        Supplier<RuntimeException> failure = countFailure;
                                        if (m.getName().equals("count") && failure != null) {
                                            throw failure.get();
                                        }
                                        return invoke(adapter, m, a);
                                    })).toList();
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void moreThanTwentyKeptUploadsAreRefusedUntilOneIsDeleted() {
        Http console = new Http(server.console("console")).as("ann", "ADMIN");
        String first = null;
        for (int i = 0; i < 20; i++) {
            Http.Answer uploaded = console.upload(new byte[] {(byte) i});
            assertThat(uploaded.status()).isEqualTo(201);
            first = first == null ? uploaded.json().get("id").asText() : first;
        }

        Http.Answer refused = console.upload(new byte[] {1});
        assertThat(console.delete("api/import/uploads/" + first).status()).isEqualTo(204);
        Http.Answer accepted = console.upload(new byte[] {1});

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(refused.headers().firstValue("connection")).as("refused before its body was read: the "
                + "connection cannot carry another request").hasValue("close");
        assertThat(refused.json().get("retryable").asBoolean()).isTrue();
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(accepted.status()).isEqualTo(201);
    }

    @Test
    void aDatabaseThatFailsWhileCountingIsA503ThatSaysWhetherARetryCanHelp() {
        Http failing = new Http(server.console("failing")).as("ann", "ADMIN");
        try {
            countFailure = () -> new StoreException("deadlock detected [SQLState 40P01]", true, null);
            Http.Answer deadlock = failing.get("api/export/stats");
            countFailure = () -> new IllegalStateException("connection refused");
            Http.Answer refused = failing.get("api/export/stats");

            assertThat(deadlock.status()).isEqualTo(503);
            assertThat(deadlock.json().get("code").asText()).isEqualTo("STORE_FAILURE");
            assertThat(deadlock.json().get("retryable").asBoolean()).isTrue();
            assertThat(deadlock.json().get("detail").asText()).contains("deadlock detected");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("retryable").asBoolean()).isFalse();
            assertThat(refused.json().get("detail").asText()).contains("connection refused");
        } finally {
            countFailure = null;
        }
        assertThat(failing.get("api/export/stats").status()).isEqualTo(200);
    }
}
