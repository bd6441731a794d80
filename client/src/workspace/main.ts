// Entry of the analyst workspace (/admin/…): owned by the workspace's work.
