package vn.pcmd.ingest.xlsx;

import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.typed.TypedValueDecoder;

import javax.xml.stream.XMLStreamException;

/**
 * An attribute's text where the XML parser holds it, without making a String of it: a national run reads millions of
 * cells, and the Strings of their {@code r} and {@code t} attributes showed in its profile. The parser hands over its
 * characters, already stripped of surrounding white space; they are valid until the parser moves on, so they are read
 * at once. One per sheet being read; the ingest benchmark's least-work reader reads attributes the same way.
 */
public final class AttributeCharacters extends TypedValueDecoder {
    private static final char[] NO_CHARACTERS = {};
    private char[] characters = NO_CHARACTERS;
    private int start;
    private int end;

    /** Takes the characters of the attribute at that index of the parser's current element. */
    public void read(XMLStreamReader2 xml, int attribute) throws XMLStreamException {
        xml.getAttributeAs(attribute, this);
    }

    /** The parser's buffer: the attribute's text is {@code characters()[start(), end())}. */
    public char[] characters() {
        return characters;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    @Override
    public void decode(String text) {
        decode(text.toCharArray(), 0, text.length());
    }

    @Override
    public void decode(char[] text, int from, int to) {
        characters = text;
        start = from;
        end = to;
    }

    @Override
    public void handleEmptyValue() {
        characters = NO_CHARACTERS;
        start = 0;
        end = 0;
    }
}
