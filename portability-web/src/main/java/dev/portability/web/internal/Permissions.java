package dev.portability.web.internal;

/**
 * What the access policy grants one request.
 *
 * @param view may view (page, info, statistics, operations)
 * @param export may export
 * @param importing may import
 * @param user the signed-in user's name, or null
 * @param policy the policy's description, for 403 details
 */
public record Permissions(boolean view, boolean export, boolean importing, String user, String policy) {
}
