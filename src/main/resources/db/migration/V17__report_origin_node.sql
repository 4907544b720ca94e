-- Federation (issue 15): a report keeps the node it was filed on beside its originating nation. Only that node
-- changes it (origin authority); a report received from a peer keeps its origin's id and node. Reports filed before
-- federation existed were filed on this node: the placeholder is this node's id (kalkan.federation.node-id).
ALTER TABLE report ADD COLUMN origin_node TEXT;
UPDATE report SET origin_node = '${federation_node_id}';
ALTER TABLE report ALTER COLUMN origin_node SET NOT NULL;
