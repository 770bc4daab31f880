package org.rectiflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatusCode;

/**
 * The real application in a JVM of its own, started from the test's classpath with {@code java -cp}, so a test can
 * do to it what happens to a server: kill it with SIGKILL ({@link Process#destroyForcibly()} on Linux), restart it on
 * the same database, run two of them side by side. Its output goes to a log file whose tail every failure message
 * carries. Only the process this object started is ever killed.
 */
public final class ApplicationProcess implements AutoCloseable {

	private final String name;

	private final int port;

	private final Path log;

	private final Process process;

	private ApplicationProcess(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts {@code RectiflowApplication} on a free port, in {@code workDir}, with the given arguments and environment
	 * (an entry with a {@code null} value is removed from the inherited environment).
	 */
	public static ApplicationProcess start(String name, Path workDir, List<String> args, Map<String, String> env)
			throws IOException {
		return start(name, workDir, List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"), args, env);
	}

	/** As {@link #start(String, Path, List, Map)}, with these JVM options instead of the tests' quick-start ones. */
	public static ApplicationProcess start(String name, Path workDir, List<String> jvmOptions, List<String> args,
			Map<String, String> env) throws IOException {
		return start(name, workDir, System.getProperty("java.class.path"), jvmOptions, args, env);
	}

	/** As {@link #start(String, Path, List, List, Map)}, on this class path. */
	public static ApplicationProcess start(String name, Path workDir, String classPath, List<String> jvmOptions,
			List<String> args, Map<String, String> env) throws IOException {
		int port = freePort();
		Path log = workDir.resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-Dfile.encoding=UTF-8");
		command.add("-cp");
		command.add(classPath);
		command.add(RectiflowApplication.class.getName());
		command.add("--server.port=" + port);
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().remove("RECTIFLOW_DB_URL");
		env.forEach((key, value) -> {
			if (value == null) {
				builder.environment().remove(key);
			}
			else {
				builder.environment().put(key, value);
			}
		});
		return new ApplicationProcess(name, port, log, builder.start());
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Waits for the process to end by itself (e.g. a run that exits once the context is up), at most the timeout. */
	public int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError(this.name + " still running after " + timeout + ":\n" + logTail());
		}
		return this.process.exitValue();
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Waits until the engine's REST API answers an authenticated request, at most {@code timeout}; fails with the
	 * log's tail if the process dies or the time runs out.
	 */
	public void awaitReady(Duration timeout, HttpUser probe) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new AssertionError(this.name + " died while starting (exit " + this.process.exitValue() + "):\n"
						+ logTail());
			}
			try {
				HttpStatusCode status = probe.status(baseUrl() + "/engine-rest/engine");
				if (status.is2xxSuccessful()) {
					return;
				}
			}
			catch (RuntimeException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError(this.name + " not ready within " + timeout + ":\n" + logTail());
	}

	/** SIGKILL: no shutdown hook runs, nothing is flushed or closed. Returns once the process is gone. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new AssertionError(this.name + " (pid " + pid() + ") survived SIGKILL for 30 s");
		}
	}

	/** SIGTERM, as a service manager stops it: Spring closes the context and the database. */
	public void stop() throws InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			kill();
		}
	}

	/** The last lines of the process's output, for failure messages. */
	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		try {
			kill();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
