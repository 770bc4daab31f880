package org.rectiflow.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our Chinese translations of the Camunda webapps cover every key that the 7.24 English locale files (shipped in the
 * webjar) use, and nothing else: a key that an upgrade adds fails the build until it is translated.
 */
class WebappTranslationTests {

	static final String APPS = "META-INF/resources/webjars/camunda/app/";

	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*\\}\\}|\\{\\}");

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void shouldTranslateEveryKeyTheWebappUses(String app) throws IOException {
		JsonNode english = read(APPS + app + "/locales/en.json");
		JsonNode chinese = read(APPS + app + "/locales/zh.json");

		Set<String> englishKeys = keys(english.get("labels"), "");
		Set<String> chineseKeys = keys(chinese.get("labels"), "");
		Set<String> missing = new TreeSet<>(englishKeys);
		missing.removeAll(chineseKeys);
		Set<String> unknown = new TreeSet<>(chineseKeys);
		unknown.removeAll(englishKeys);

		assertThat(missing).as("keys of %s/en.json without a Chinese translation", app).isEmpty();
		assertThat(unknown).as("keys in %s/zh.json that 7.24 does not use", app).isEmpty();
		Map<String, String> englishTexts = texts(english.get("labels"), "");
		Map<String, String> chineseTexts = texts(chinese.get("labels"), "");
		englishTexts.forEach((key, text) -> assertThat(placeholders(chineseTexts.get(key)))
			.as("placeholders of %s in %s/zh.json", key, app)
			.isEqualTo(placeholders(text)));
		if (english.has("dateLocales")) {
			assertThat(keys(chinese.get("dateLocales"), "")).as("date locale of %s", app)
				.containsAll(keys(english.get("dateLocales"), ""));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void shouldOfferChineseFirstAndEnglishBeside(String app) throws IOException {
		String config = new ClassPathResource(APPS + app + "/scripts/config.js").getContentAsString(StandardCharsets.UTF_8);

		assertThat(config).contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'zh'").contains("vendor: '整改通'");
	}

	/** The {{…}} and {} placeholders of a text, spaces ignored: the translation must keep every one. */
	private static List<String> placeholders(String text) {
		Matcher m = PLACEHOLDER.matcher(text);
		List<String> found = new ArrayList<>();
		while (m.find()) {
			found.add(m.group().replaceAll("\\s", ""));
		}
		Collections.sort(found);
		return found;
	}

	private static Map<String, String> texts(JsonNode node, String prefix) {
		Map<String, String> result = new LinkedHashMap<>();
		node.properties().forEach((e) -> {
			String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
			if (e.getValue().isObject()) {
				result.putAll(texts(e.getValue(), key));
			}
			else {
				result.put(key, e.getValue().asText());
			}
		});
		return result;
	}

	private static JsonNode read(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			byte[] bytes = in.readAllBytes();
			int start = (bytes.length > 2 && (bytes[0] & 0xFF) == 0xEF) ? 3 : 0;
			return new ObjectMapper().readTree(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
		}
	}

	private static Set<String> keys(JsonNode node, String prefix) {
		Set<String> result = new LinkedHashSet<>();
		if (node != null && node.isObject()) {
			for (Map.Entry<String, JsonNode> e : node.properties()) {
				String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
				if (e.getValue().isObject()) {
					result.addAll(keys(e.getValue(), key));
				}
				else {
					result.add(key);
				}
			}
		}
		return result;
	}

}
