package org.medcard.terminal.present.status;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.medcard.terminal.catalog.Downloads;
import org.medcard.terminal.center.CenterRefusal;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.status.PartListener;
import org.medcard.terminal.text.Texts;

/**
 * Syncing the catalog and the blacklist from the center on demand (Ctrl+R): long work on the worker with progress
 * shown, never on the UI thread; a second request while one runs is ignored. A failure keeps the last complete
 * download (the core's rule) and says so.
 */
public final class SyncModel {

    private final Downloads downloads;
    private final Supplier<Optional<HostApi>> online;
    private final PartListener parts;
    private final Executor worker;
    private final Executor ui;
    private final SyncView view;
    private final Texts texts;
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * @param downloads where the catalog and the blacklist are kept
     * @param online    the center's API when the terminal may talk to it now (signing in if it must)
     * @param parts     told when the center fails to answer (the status bar's center tag)
     */
    public SyncModel(Downloads downloads, Supplier<Optional<HostApi>> online, PartListener parts, Executor worker, Executor ui,
                     SyncView view, Texts texts) {
        this.downloads = downloads;
        this.online = online;
        this.parts = parts;
        this.worker = worker;
        this.ui = ui;
        this.view = view;
        this.texts = texts;
    }

    public void sync() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        view.progress(texts.text("sync.running"));
        worker.execute(() -> {
            String message;
            boolean problem = false;
            try {
                Optional<HostApi> center = online.get();
                if (center.isEmpty()) {
                    message = texts.text("sync.offline");
                    problem = true;
                } else {
                    int items = downloads.syncCatalog(center.get());
                    int entries = downloads.syncBlacklist(center.get());
                    message = texts.text("sync.done", items, entries, downloads.catalogVersion());
                }
            } catch (CenterUnreachable | CenterRefusal e) {
                parts.fault(PartListener.Part.CENTER, "downloads failed: " + e.getMessage());
                message = texts.text("sync.failed", e.getMessage());
                problem = true;
            } finally {
                running.set(false);
            }
            String m = message;
            boolean p = problem;
            ui.execute(() -> {
                view.progress(null);
                view.done(m, p);
            });
        });
    }
}
