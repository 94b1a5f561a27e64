package dev.gatehouse.auth;

import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A person's hardware background (seed 003). A row of {@code hardware_background};
 * {@link dev.gatehouse.auth.repository.HardwareBackgroundRepository} reads and writes it.
 */
public class HardwareBackground extends Background {

    /** A {@code TEXT[]} column. */
    public List<String> preferredPlatforms = new ArrayList<>();

    /** A {@code TEXT[]} column. */
    public List<String> deviceTypes = new ArrayList<>();

    /** The background a row of {@code hardware_background} holds. */
    public static HardwareBackground from(Row row) {
        HardwareBackground background = readCommon(new HardwareBackground(), row);
        background.preferredPlatforms = list(row, "preferred_platforms");
        background.deviceTypes = list(row, "device_types");
        return background;
    }
}
