package se.samplan.server.hapi;

/**
 * Marks an interceptor bean with hooks on HAPI's storage pointcuts. Such beans are registered with
 * HAPI's {@code IInterceptorService}, so their rules hold for every write: REST, operations, batch and
 * transaction entries, and the server's own internal writes.
 */
public interface StorageInterceptor {
}
