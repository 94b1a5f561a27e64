package dev.gatehouse.importer;

import java.util.List;

/** A source system: its name in Gatehouse's mapping tables and its tables, in the order they must be imported. */
public interface Source {

    String system();

    List<Step> steps();
}
