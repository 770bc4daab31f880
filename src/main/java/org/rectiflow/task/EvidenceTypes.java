package org.rectiflow.task;

import java.util.List;
import java.util.Locale;

import org.apache.tika.Tika;
import org.rectiflow.system.RectiflowException;

/**
 * What a file really is, read from its bytes with Apache Tika (magic numbers, with the name as a hint where the bytes
 * alone say only "a ZIP" or "an OLE2 file", as for Word and Excel), never what the browser claims. A file is accepted
 * when that type is on the allow-list and its extension names the same type: a {@code .pdf} that is really a program,
 * a web page or a picture is refused.
 * <p>
 * tika-core reads no file's inside: a Word document renamed {@code .xlsx} passes as a spreadsheet (both are ZIP
 * containers); what it catches is a file whose bytes are plainly of another kind.
 */
final class EvidenceTypes {

	private static final Tika TIKA = new Tika();

	private EvidenceTypes() {
	}

	/** The file's type as its bytes and name say; refused unless allowed (an empty list allows every type). */
	static String check(String fileName, byte[] bytes, List<String> allowed) {
		String detected = TIKA.detect(bytes, fileName.toLowerCase(Locale.ROOT));
		if (!allowed.isEmpty() && !allowed.contains(detected)) {
			throw new RectiflowException("error.evidence.contentType", fileName, detected);
		}
		String byName = TIKA.detect(fileName.toLowerCase(Locale.ROOT));
		if (!detected.equals(byName)) {
			throw new RectiflowException("error.evidence.contentMismatch", fileName, detected);
		}
		return detected;
	}

}
