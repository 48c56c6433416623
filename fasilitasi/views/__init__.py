"""Pages of fasilitasi, by sub-domain: ``kasus`` (cases, their moves and documents), ``papan``
(the pipeline board), ``bumdes`` (the BUM Desa register), ``status_desa`` (the village status
import). Each view: authorise, validate a form, call one service, respond. A record outside the
user's scope is a 404 (fetched through ``visible_to``); visible but not the user's to change, a
403 (``akses`` + ``pastikan``)."""
