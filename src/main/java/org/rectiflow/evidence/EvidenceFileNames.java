package org.rectiflow.evidence;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Makes the name a browser sent for a file safe to keep, show and send back in {@code Content-Disposition}: the last
 * path segment only (a Windows browser sends {@code C:\...}, an attacker {@code ../../}), no control or invisible
 * formatting characters (right-to-left overrides that make {@code exe.pdf} read as {@code fdp.exe}, zero-width
 * spaces), none of the characters Windows forbids, none of the device names it reserves, no leading dots (hidden files, {@code ..}) and at most
 * {@value #MAX_LENGTH} characters, keeping the extension.
 */
final class EvidenceFileNames {

	static final int MAX_LENGTH = 120;

	private static final String FORBIDDEN = "<>:\"|?*";

	/**
	 * The device names Windows reserves, whatever the extension ({@code con.txt}, {@code NUL.tar.gz}, {@code aux .pdf}):
	 * saved under such a name, a downloaded file cannot be opened or written there.
	 */
	private static final Pattern RESERVED = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9\u00B9\u00B2\u00B3]"
			+ "|LPT[0-9\u00B9\u00B2\u00B3])\\s*(\\..*)?");

	private EvidenceFileNames() {
	}

	static String sanitize(String original) {
		String name = Normalizer.normalize((original == null) ? "" : original, Normalizer.Form.NFC);
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder();
		name.codePoints().forEach((c) -> {
			int type = Character.getType(c);
			if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
					|| type == Character.SURROGATE || type == Character.UNASSIGNED) {
				return;
			}
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				clean.append(' ');
			}
			else if (FORBIDDEN.indexOf(c) >= 0) {
				clean.append('_');
			}
			else {
				clean.appendCodePoint(c);
			}
		});
		name = clean.toString().replaceAll(" {2,}", " ").replaceAll("\\.{2,}", ".").strip();
		name = name.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
		if (name.isEmpty() || name.startsWith(".")) {
			name = "file" + name;
		}
		if (RESERVED.matcher(name).matches()) {
			name = "_" + name;
		}
		return shorten(name);
	}

	private static String shorten(String name) {
		if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0 && name.length() - dot <= 10) ? name.substring(dot) : "";
		String base = name.substring(0, name.length() - extension.length());
		int keep = MAX_LENGTH - extension.length();
		return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
	}

}
