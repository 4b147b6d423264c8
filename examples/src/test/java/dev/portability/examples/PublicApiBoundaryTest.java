package dev.portability.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.Row;
import dev.portability.core.Portability;
import dev.portability.jdbc.JdbcStore;
import dev.portability.web.PortabilityWeb;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API never exposes internal code. The api artifact refers to no internal package at all (every name in
 * the constant pool of every class file is checked); the public classes of core, jdbc and web may delegate to
 * internals, but no public or protected signature (supertypes, fields, constructors, methods, generic arguments
 * included) mentions an internal type.
 */
class PublicApiBoundaryTest {

    @Test
    void theApiArtifactRefersToNoInternalPackage() throws Exception {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        try (ClassFiles files = ClassFiles.of(location(Row.class))) {
            for (Path file : files.list()) {
                checked++;
                try (InputStream in = Files.newInputStream(file)) {
                    for (String referenced : constantPoolStrings(in)) {
                        if (referenced.contains("/internal/")) {
                            violations.add(files.root.relativize(file) + " -> " + referenced);
                        }
                    }
                }
            }
        }
        assertThat(checked).as("api class files checked").isGreaterThan(30);
        assertThat(violations).isEmpty();
    }

    @Test
    void publicSignaturesOfCoreJdbcAndWebMentionNoInternalType() throws Exception {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Class<?> anchor : List.of(Portability.class, JdbcStore.class, PortabilityWeb.class)) {
            try (ClassFiles files = ClassFiles.of(location(anchor))) {
                for (Path file : files.list()) {
                    String name = files.root.relativize(file).toString().replace('\\', '/');
                    if (name.contains("/internal/") || !name.startsWith("dev/portability/")) {
                        continue;
                    }
                    Class<?> type = Class.forName(name.replace('/', '.').replaceAll("\\.class$", ""), false,
                            anchor.getClassLoader());
                    if (!Modifier.isPublic(type.getModifiers())) {
                        continue;
                    }
                    checked++;
                    for (String signature : publicSignatures(type)) {
                        if (signature.contains(".internal.")) {
                            violations.add(type.getName() + ": " + signature);
                        }
                    }
                }
            }
        }
        assertThat(checked).as("public classes checked").isGreaterThan(10);
        assertThat(violations).isEmpty();
    }

    private static Path location(Class<?> anchor) throws URISyntaxException {
        return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<String> publicSignatures(Class<?> type) {
        List<String> signatures = new ArrayList<>();
        if (type.getGenericSuperclass() != null) {
            signatures.add("extends " + type.getGenericSuperclass().getTypeName());
        }
        for (java.lang.reflect.Type implemented : type.getGenericInterfaces()) {
            signatures.add("implements " + implemented.getTypeName());
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field.getModifiers())) {
                signatures.add(field.toGenericString());
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor.getModifiers())) {
                signatures.add(constructor.toGenericString());
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method.getModifiers()) && !method.isSynthetic()) {
                signatures.add(method.toGenericString());
            }
        }
        return signatures;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** The UTF-8 constants of a class file: class names, descriptors and signatures among them. */
    private static List<String> constantPoolStrings(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> strings = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> strings.add(in.readUTF());
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return strings;
    }

    /** The class files of a directory or a jar. */
    private static final class ClassFiles implements AutoCloseable {
        private final FileSystem jar;
        private final Path root;

        private ClassFiles(FileSystem jar, Path root) {
            this.jar = jar;
            this.root = root;
        }

        static ClassFiles of(Path location) throws IOException, URISyntaxException {
            if (Files.isDirectory(location)) {
                return new ClassFiles(null, location);
            }
            FileSystem jar = FileSystems.newFileSystem(location, Map.of());
            return new ClassFiles(jar, jar.getPath("/"));
        }

        List<Path> list() throws IOException {
            try (Stream<Path> all = Files.walk(root)) {
                return new ArrayList<>(new TreeSet<>(all.filter(p -> p.toString().endsWith(".class")).toList()));
            }
        }

        @Override
        public void close() throws IOException {
            if (jar != null) {
                jar.close();
            }
        }
    }
}
