-- OGC API items are paged in (feature id, version id) order with keyset cursors: this index serves that
-- order per layer, so a page is read from the index instead of sorting the layer.
CREATE INDEX feature_layer_paging ON feature_version (layer_id, feature_id, version_id);
