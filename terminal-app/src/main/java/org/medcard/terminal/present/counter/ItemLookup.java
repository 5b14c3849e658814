package org.medcard.terminal.present.counter;

import java.util.List;
import java.util.Optional;

import org.medcard.terminal.center.CatalogItem;

/** The counter's port to the item catalog (the downloaded catalog, also offline). Called on the worker. */
public interface ItemLookup {

    /** The item with exactly this code. */
    Optional<CatalogItem> item(String code);

    /** Items whose code or name contains {@code text}, at most {@code limit}. */
    List<CatalogItem> search(String text, int limit);

    /** Whether no catalog was ever downloaded (a first start with a slow center): every code is then unknown. */
    boolean empty();
}
