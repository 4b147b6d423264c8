package dev.portability.core.internal.engine;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one way our threads pass work to each other: a bounded queue from one producer thread to one consumer
 * thread (each a worker of the operation, see {@link Operation#workers()}, or the caller's). The end of the items
 * and the producer's failure travel behind the items; the consumer can {@link #stop()} the producer. Memory is
 * bounded by the capacity: a producer waits while the hand-off is full.
 *
 * @param <T> the items
 */
public final class Handoff<T> {

    /** How often a waiting side looks whether the other side stopped, or runs its own check. */
    private static final long WAKE_MILLIS = 100;
    private static final Object END = new Object();

    /** A failure of the producer, behind the items it handed over before. */
    private record Failure(Throwable cause) {
    }

    private final BlockingQueue<Object> queue;
    private volatile boolean stopped;

    /** @param capacity the most items held at once */
    public Handoff(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Producer: hands an item over, waiting while the hand-off is full.
     *
     * @param item the item, not null
     * @return true when handed over; false when the consumer has stopped (the item is dropped: stop producing)
     * @throws InterruptedException if the producer's thread is interrupted while waiting
     */
    public boolean put(T item) throws InterruptedException {
        return offer(item);
    }

    /**
     * Producer: says that no item follows.
     *
     * @return false when the consumer has stopped
     * @throws InterruptedException if interrupted while waiting for room
     */
    public boolean end() throws InterruptedException {
        return offer(END);
    }

    /**
     * Producer: says that it failed; the consumer receives the failure after the items handed over before.
     *
     * @param failure why
     * @return false when the consumer has stopped (nobody waits for the failure)
     * @throws InterruptedException if interrupted while waiting for room
     */
    public boolean fail(Throwable failure) throws InterruptedException {
        return offer(new Failure(failure));
    }

    private boolean offer(Object item) throws InterruptedException {
        while (!stopped) {
            if (queue.offer(item, WAKE_MILLIS, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    queue.clear(); // taken by nobody: the consumer stopped while this waited for room
                    return false;
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Consumer: takes the next item, waiting for it.
     *
     * @param whileWaiting run every {@value #WAKE_MILLIS} ms while waiting (e.g. a cancellation check that throws);
     *     {@link #NOTHING} for none
     * @return the item, or null once the producer has ended (and at every call after)
     * @throws Failed with the producer's failure
     * @throws InterruptedException if the consumer's thread is interrupted while waiting
     */
    @SuppressWarnings("unchecked")
    public T take(Runnable whileWaiting) throws Failed, InterruptedException {
        Object next;
        while ((next = queue.poll(WAKE_MILLIS, TimeUnit.MILLISECONDS)) == null) {
            whileWaiting.run();
        }
        if (next == END) {
            queue.offer(END); // the end stays the end
            return null;
        }
        if (next instanceof Failure failure) {
            queue.offer(failure);
            throw new Failed(failure.cause());
        }
        return (T) next;
    }

    /** Consumer: gives up; items held are dropped and the producer's next {@link #put} returns false. */
    public void stop() {
        stopped = true;
        queue.clear();
    }

    /** @return whether the consumer has stopped */
    public boolean stopped() {
        return stopped;
    }

    /** Nothing to do while waiting. */
    public static final Runnable NOTHING = () -> { };

    /** The producer failed; {@link #getCause()} says how. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
