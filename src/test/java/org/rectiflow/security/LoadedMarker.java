package org.rectiflow.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A class that tells when it is loaded: its static initialiser writes {@code target/exploit-markers/class-loaded}.
 * Named only as text in {@link VariableTypeInjectionTests} (never referenced as a class), so the file appears only if
 * the server looks the class up from a stored variable's type name.
 */
public class LoadedMarker {

	static {
		try {
			Path directory = Files.createDirectories(Path.of("target", "exploit-markers"));
			Files.writeString(directory.resolve("class-loaded"), "loaded");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public LoadedMarker(String path) throws IOException {
		Files.writeString(Path.of(path), "built");
	}

}
