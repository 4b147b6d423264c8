package dev.portability.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * Who may use the console, decided per request and separately for viewing, exporting and importing. Required:
 * {@link PortabilityWeb.Builder#build()} refuses to build without one. The host's own security (a servlet
 * container's security constraints, Spring Security's filter chain) runs first; this policy is the console's own
 * check on top of it, and its {@link #describe()} is named in every 403 it causes.
 *
 * <ul>
 *   <li><b>view</b>: the page, {@code api/info}, {@code api/export/stats}, and reading operations;</li>
 *   <li><b>export</b>: starting, downloading and cancelling exports (every export holds every table);</li>
 *   <li><b>import</b>: uploads, validate, preview and execute, and cancelling them.</li>
 * </ul>
 *
 * <pre>{@code
 * PortabilityWebAccess.requireRole("PORTABILITY_ADMIN")               // one role for everything
 * PortabilityWebAccess.requireRole("PORTABILITY_ADMIN").withoutImport() // a read-only console
 * PortabilityWebAccess.roles("SUPPORT", "SUPPORT", "PORTABILITY_ADMIN") // view, export, import
 * }</pre>
 *
 * <p>Roles are checked with {@link HttpServletRequest#isUserInRole(String)}, which works with container security
 * and with Spring Security's servlet integration (role {@code X} is authority {@code ROLE_X} there).
 */
public interface PortabilityWebAccess {

    /**
     * @param request the request
     * @return whether it may read: the page, application info, statistics, operations
     */
    boolean canView(HttpServletRequest request);

    /**
     * @param request the request
     * @return whether it may start, download and cancel exports
     */
    boolean canExport(HttpServletRequest request);

    /**
     * @param request the request
     * @return whether it may upload archives, validate, preview and import them, and cancel those
     */
    boolean canImport(HttpServletRequest request);

    /**
     * Names the policy in the detail of a 403, so an operator knows what to grant: e.g. {@code role
     * PORTABILITY_ADMIN}.
     *
     * @return a short description
     */
    default String describe() {
        return getClass().getName();
    }

    /**
     * The same policy with imports refused: a read-only console (view and export only).
     *
     * @return the read-only policy
     */
    default PortabilityWebAccess withoutImport() {
        PortabilityWebAccess policy = this;
        return new PortabilityWebAccess() {
            @Override
            public boolean canView(HttpServletRequest request) {
                return policy.canView(request);
            }

            @Override
            public boolean canExport(HttpServletRequest request) {
                return policy.canExport(request);
            }

            @Override
            public boolean canImport(HttpServletRequest request) {
                return false;
            }

            @Override
            public String describe() {
                return policy.describe() + ", imports disabled";
            }
        };
    }

    /**
     * Everything needs one role.
     *
     * @param role the role, e.g. {@code PORTABILITY_ADMIN}
     * @return the policy
     */
    static PortabilityWebAccess requireRole(String role) {
        return roles(role, role, role);
    }

    /**
     * A role each for viewing, exporting and importing.
     *
     * @param viewRole the role that may view
     * @param exportRole the role that may export
     * @param importRole the role that may import, or null: nobody (a read-only console)
     * @return the policy
     */
    static PortabilityWebAccess roles(String viewRole, String exportRole, String importRole) {
        Objects.requireNonNull(viewRole, "viewRole");
        Objects.requireNonNull(exportRole, "exportRole");
        return new PortabilityWebAccess() {
            @Override
            public boolean canView(HttpServletRequest request) {
                return request.isUserInRole(viewRole);
            }

            @Override
            public boolean canExport(HttpServletRequest request) {
                return request.isUserInRole(exportRole);
            }

            @Override
            public boolean canImport(HttpServletRequest request) {
                return importRole != null && request.isUserInRole(importRole);
            }

            @Override
            public String describe() {
                if (viewRole.equals(exportRole) && viewRole.equals(importRole)) {
                    return "role " + viewRole;
                }
                return "view: role " + viewRole + ", export: role " + exportRole + ", import: "
                        + (importRole == null ? "nobody" : "role " + importRole);
            }
        };
    }

    /**
     * Any signed-in user may do everything: for hosts whose own security already decides who reaches the mount
     * path.
     *
     * @return the policy
     */
    static PortabilityWebAccess authenticated() {
        return new PortabilityWebAccess() {
            @Override
            public boolean canView(HttpServletRequest request) {
                return request.getUserPrincipal() != null;
            }

            @Override
            public boolean canExport(HttpServletRequest request) {
                return request.getUserPrincipal() != null;
            }

            @Override
            public boolean canImport(HttpServletRequest request) {
                return request.getUserPrincipal() != null;
            }

            @Override
            public String describe() {
                return "any signed-in user";
            }
        };
    }

    /**
     * Everybody who reaches the servlet may do everything, unauthenticated requests included. <b>Unsafe</b>
     * unless something in front of the servlet already admits only trusted callers, as {@code portability serve}
     * does with its one-time token on a loopback address.
     *
     * @return the policy
     */
    static PortabilityWebAccess allowAll() {
        return new PortabilityWebAccess() {
            @Override
            public boolean canView(HttpServletRequest request) {
                return true;
            }

            @Override
            public boolean canExport(HttpServletRequest request) {
                return true;
            }

            @Override
            public boolean canImport(HttpServletRequest request) {
                return true;
            }

            @Override
            public String describe() {
                return "allow all";
            }
        };
    }
}
