package dev.annals.web.rest;

import dev.annals.eventstore.api.AppendTooLargeException;
import dev.annals.eventstore.api.StorableJson;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a request body as one JSON object, strictly: at most a limit of bytes (refused before
 * parsing, so a huge or endless body costs at most the limit), UTF-8 only and well-formed (never
 * silently repaired), exactly one value (no trailing text), no key twice in one object (RFC 8259
 * leaves duplicates' meaning open; we refuse rather than guess), and nesting at most {@value
 * #MAX_DEPTH} levels. Values are built without recursion, so no nesting can exhaust the stack.
 * Every refusal is a 400 that says where.
 */
public final class JsonBody {

  /** Deepest nesting accepted: an append's envelope (3 levels) around storable event data. */
  static final int MAX_DEPTH = StorableJson.MAX_DEPTH + 3;

  /** Made once: every {@code Json.create…} call repeats a service-loader lookup. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());

  private JsonBody() {}

  /** Reads the body as one JSON object of at most {@code maxBytes}, refusing anything else. */
  public static JsonObject readObject(InputStream body, int maxBytes) {
    String text = decode(readAtMost(body, maxBytes));
    if (text.isBlank()) {
      throw new InvalidRequestException("The request body is empty: send a JSON object");
    }
    try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
      JsonParser.Event first = parser.next();
      if (first != JsonParser.Event.START_OBJECT) {
        throw new InvalidRequestException("The request body must be a JSON object");
      }
      JsonObject object = build(parser).asJsonObject();
      if (hasMore(parser)) {
        throw invalid(parser.getLocation(), "text follows the JSON object; send exactly one value");
      }
      return object;
    } catch (JsonParsingException e) {
      throw invalid(e.getLocation(), e.getMessage());
    } catch (jakarta.json.JsonException e) {
      throw new InvalidRequestException("The request body is not valid JSON");
    } catch (UnsupportedOperationException e) {
      // The parser's own bound on a number literal's length (Parsson: 1,100 characters).
      throw new InvalidRequestException(
          "The request body holds a number literal too long to read: numbers must fit a double");
    }
  }

  /** Builds the object whose START_OBJECT the parser has just read, with an explicit stack. */
  private static JsonValue build(JsonParser parser) {
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(Frame.object());
    while (true) {
      JsonParser.Event event = parser.next();
      Frame top = stack.peek();
      switch (event) {
        case KEY_NAME -> top.key(parser.getString(), parser.getLocation());
        case START_OBJECT, START_ARRAY -> {
          if (stack.size() >= MAX_DEPTH) {
            throw invalid(
                parser.getLocation(),
                "arrays and objects nest deeper than "
                    + MAX_DEPTH
                    + " levels (event data and metadata may nest at most "
                    + StorableJson.MAX_DEPTH
                    + ")");
          }
          stack.push(event == JsonParser.Event.START_OBJECT ? Frame.object() : Frame.array());
        }
        case END_OBJECT, END_ARRAY -> {
          JsonValue done = stack.pop().build();
          if (stack.isEmpty()) {
            return done;
          }
          stack.peek().add(done);
        }
        default -> top.add(parser.getValue());
      }
    }
  }

  private static String decode(byte[] bytes) {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      return utf8.decode(buffer).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidRequestException(
          "The request body is not valid UTF-8 (at byte offset "
              + buffer.position()
              + "): send JSON encoded as UTF-8");
    }
  }

  private static InvalidRequestException invalid(JsonLocation at, String why) {
    return new InvalidRequestException(
        "The request body is not valid JSON"
            + (at == null
                ? ""
                : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")")
            + ": "
            + why);
  }

  /** Whether anything but white space follows the value (the parser may say so by failing). */
  private static boolean hasMore(JsonParser parser) {
    try {
      return parser.hasNext();
    } catch (JsonParsingException e) {
      return true;
    }
  }

  private static byte[] readAtMost(InputStream body, int maxBytes) {
    if (body == null) {
      return new byte[0];
    }
    try {
      byte[] bytes = body.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new AppendTooLargeException(
            "The request body is larger than "
                + maxBytes
                + " bytes: split it into several appends");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An object or array under construction. */
  private static final class Frame {
    private final JsonObjectBuilder object;
    private final JsonArrayBuilder array;
    private final Set<String> keys;
    private String key;

    private Frame(JsonObjectBuilder object, JsonArrayBuilder array) {
      this.object = object;
      this.array = array;
      this.keys = object == null ? null : new HashSet<>();
    }

    static Frame object() {
      return new Frame(JSON.createObjectBuilder(), null);
    }

    static Frame array() {
      return new Frame(null, JSON.createArrayBuilder());
    }

    void key(String name, JsonLocation at) {
      if (!keys.add(name)) {
        throw invalid(
            at,
            "the key "
                + dev.annals.eventstore.api.JsonText.quoted(name, 64)
                + " appears twice in one object");
      }
      key = name;
    }

    void add(JsonValue value) {
      if (object != null) {
        object.add(key, value);
      } else {
        array.add(value);
      }
    }

    JsonValue build() {
      return object != null ? object.build() : array.build();
    }
  }
}
