package org.medcard.terminal.catalog;

import org.medcard.terminal.center.CenterSession;
import org.medcard.terminal.center.HostApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the center session downloads: the catalog and blacklist after the sign-in at start, the blacklist when the
 * center answers again. Each complete blacklist sync restarts the periodic refresh's interval.
 */
public final class CenterDownloads implements CenterSession.Sync {
    private static final Logger LOG = LoggerFactory.getLogger(CenterDownloads.class);

    private final Downloads downloads;
    private final BlacklistRefresh refresh;

    public CenterDownloads(Downloads downloads, BlacklistRefresh refresh) {
        this.downloads = downloads;
        this.refresh = refresh;
    }

    @Override
    public void all(HostApi api) {
        int items = downloads.syncCatalog(api);
        int entries = downloads.syncBlacklist(api);
        refresh.synced();
        LOG.info("Downloads: {} catalog item(s), {} blacklist entry(ies) changed", items, entries);
    }

    @Override
    public void blacklist(HostApi api) {
        downloads.syncBlacklist(api);
        refresh.synced();
    }
}
