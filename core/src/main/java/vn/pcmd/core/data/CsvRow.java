package vn.pcmd.core.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** One record of a data file, with the line it stands on so that every complaint can point at it. */
public record CsvRow(Path file, long line, Map<String, String> values) {
    public CsvRow {
        requireNonNull(file, "file is null");
        values = Map.copyOf(requireNonNull(values, "values is null"));
    }

    /** The trimmed value of a column that must not be empty. */
    public String required(String column) {
        String value = optional(column).orElse(null);
        if (value == null) {
            throw error("column '" + column + "' is empty; give it a value");
        }
        return value;
    }

    public Optional<String> optional(String column) {
        String value = values.get(column);
        if (value == null) {
            throw new IllegalArgumentException("No column '" + column + "' in " + file);
        }
        value = value.strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public int requiredInt(String column) {
        String value = required(column);
        try {
            return Integer.parseInt(value);
        }
        catch (NumberFormatException e) {
            throw error("column '" + column + "' holds '" + value + "', which is not a whole number");
        }
    }

    public Optional<Double> optionalDouble(String column) {
        return optional(column).map(value -> {
            try {
                return Double.parseDouble(value);
            }
            catch (NumberFormatException e) {
                throw error("column '" + column + "' holds '" + value + "', which is not a number (use a dot for decimals, e.g. 70 or 2.5)");
            }
        });
    }

    public boolean requiredBoolean(String column) {
        String value = required(column);
        return switch (value) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw error("column '" + column + "' holds '" + value + "'; write true or false");
        };
    }

    public Optional<Boolean> optionalBoolean(String column) {
        return optional(column).map(value -> requiredBoolean(column));
    }

    public LocalDate requiredDate(String column) {
        String value = required(column);
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException e) {
            throw error("column '" + column + "' holds '" + value + "', which is not a date written as YYYY-MM-DD");
        }
    }

    /** The value of a column that must be one of the names of an enum-like set, with the allowed names in the message. */
    public <T> T requiredChoice(String column, Map<String, T> choices) {
        String value = required(column);
        T choice = choices.get(value);
        if (choice == null) {
            throw error("column '" + column + "' holds '" + value + "'; allowed values are " + String.join(", ", choices.keySet().stream().sorted().toList()));
        }
        return choice;
    }

    public DataFileException error(String problem) {
        return new DataFileException(file, line, problem);
    }
}
