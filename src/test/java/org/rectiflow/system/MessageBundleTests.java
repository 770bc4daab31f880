package org.rectiflow.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every label is in both languages, once: the Chinese and English bundles have the same keys, no key is defined
 * twice, and every fixed key a template names exists.
 */
class MessageBundleTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	@Test
	void chineseAndEnglishHaveTheSameKeysEachOnce() throws IOException {
		List<String> zh = keys("messages.properties");
		List<String> en = keys("messages_en.properties");
		assertThat(zh).doesNotHaveDuplicates();
		assertThat(en).doesNotHaveDuplicates();
		assertThat(new TreeSet<>(en)).isEqualTo(new TreeSet<>(zh));
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties zh = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve("messages.properties"), StandardCharsets.UTF_8)) {
			zh.load(reader);
		}
		Pattern fixedKey = Pattern.compile("#\\{([A-Za-z][\\w.]*)(?:\\(|})");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path template : templates.filter((p) -> p.toString().endsWith(".html")).toList()) {
				Matcher m = fixedKey.matcher(Files.readString(template));
				while (m.find()) {
					if (!zh.containsKey(m.group(1))) {
						missing.add(m.group(1) + " (" + template.getFileName() + ")");
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static List<String> keys(String bundle) throws IOException {
		List<String> keys = new ArrayList<>();
		for (String line : Files.readAllLines(RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
			if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
				keys.add(line.substring(0, line.indexOf('=')).trim());
			}
		}
		return keys;
	}

}
