package dev.portability.examples;

import dev.portability.core.Portability;
import dev.portability.jdbc.JdbcStore;
import dev.portability.web.PortabilityWeb;
import dev.portability.web.PortabilityWebAccess;
import dev.portability.web.PortabilityWebServlet;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * docs/web.md's mounting example: a plain servlet host (no Spring) mounts the export/import console under
 * {@code /portability/} when its web application starts. Register the listener with the container (a
 * {@code <listener>} in web.xml, {@code @WebListener} on a subclass, or {@code addEventListener} in an embedded
 * server); {@code ConsoleMountTest} runs it in Jetty 12.
 */
public class ConsoleMount implements ServletContextListener {

    private final DataSource dataSource;

    /** @param dataSource the application's database */
    public ConsoleMount(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // docs/web.md mounting begins
        Portability portability = Portability.builder().application("shop").schemaVersion(1)
                .store(JdbcStore.discover(dataSource)).build();
        PortabilityWebServlet console = PortabilityWeb.builder(portability)
                .access(PortabilityWebAccess.requireRole("PORTABILITY_ADMIN"))  // who may view, export, import
                .build();                                                       // nothing is mounted until:
        ServletRegistration.Dynamic servlet = event.getServletContext().addServlet("portability", console);
        servlet.addMapping("/portability/*");                                   // the page is /portability/
        // docs/web.md mounting ends
    }
}
