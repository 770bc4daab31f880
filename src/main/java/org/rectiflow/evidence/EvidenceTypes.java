package org.rectiflow.evidence;

import java.util.List;
import java.util.Locale;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
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

	private static final MediaTypeRegistry TYPES = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

	private EvidenceTypes() {
	}

	/** The file's type as its bytes and name say; refused unless allowed (an empty list allows every type). */
	static String check(String fileName, byte[] bytes, List<String> allowed) {
		String detected = TIKA.detect(bytes, fileName.toLowerCase(Locale.ROOT));
		if (!allowed.isEmpty() && !allowed.contains(detected)) {
			throw new RectiflowException("error.evidence.contentType", fileName, detected);
		}
		String byName = TIKA.detect(fileName.toLowerCase(Locale.ROOT));
		// The bytes alone must say what the file is, at least in general ("a ZIP", "an OLE2 file", "text"): with no
		// magic number Tika would take the name's word for it, and any bytes named .pdf would pass as a PDF.
		String byBytes = TIKA.detect(bytes);
		if (!detected.equals(byName) || MediaType.OCTET_STREAM.toString().equals(byBytes)
				|| !TYPES.isInstanceOf(MediaType.parse(detected), MediaType.parse(byBytes))) {
			throw new RectiflowException("error.evidence.contentMismatch", fileName,
					MediaType.OCTET_STREAM.toString().equals(byBytes) ? detected + "?" : byBytes);
		}
		return detected;
	}

}
