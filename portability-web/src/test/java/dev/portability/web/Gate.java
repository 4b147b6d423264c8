package dev.portability.web;

import dev.portability.api.spi.DataStore;
import dev.portability.api.spi.TableAdapter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds an export's reads or an import's writes until the test opens it, so that a test can act while an
 * operation is certainly running: a store seam over the real JDBC store.
 */
final class Gate {

    private static final Set<String> HELD = Set.of("read", "insert", "update");

    private volatile CountDownLatch latch = new CountDownLatch(1);
    private volatile CountDownLatch reached = new CountDownLatch(1);
    private volatile boolean closed;

    /** Closes the gate: the next read or write waits. */
    void close() {
        latch = new CountDownLatch(1);
        reached = new CountDownLatch(1);
        closed = true;
    }

    /** Opens it. */
    void open() {
        closed = false;
        latch.countDown();
    }

    /** Waits until an operation waits at the gate. */
    void awaitReached() throws InterruptedException {
        if (!reached.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no operation reached the gate in 30 s");
        }
    }

    private void pass() throws InterruptedException {
        if (closed) {
            reached.countDown();
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gate stayed closed for 30 s");
            }
        }
    }

    /**
     * @param store the real store
     * @return the same store whose reads and writes pass this gate
     */
    @SuppressWarnings("unchecked")
    DataStore<?> around(DataStore<?> store) {
        InvocationHandler stores = (proxy, method, args) -> {
            Object result = call(store, method, args);
            if (method.getName().equals("tables")) {
                return ((List<TableAdapter<?>>) result).stream().map(this::around).toList();
            }
            return result;
        };
        return (DataStore<?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataStore.class},
                stores);
    }

    private TableAdapter<?> around(TableAdapter<?> adapter) {
        InvocationHandler tables = (proxy, method, args) -> {
            if (HELD.contains(method.getName())) {
                pass();
            }
            return call(adapter, method, args);
        };
        return (TableAdapter<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TableAdapter.class}, tables);
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
