"""Greek and French translations of the media_* messages, ready for the catalogs.

The catalogs (partnerhub/locale/*/LC_MESSAGES/messages.po) belong to the lead; this file
carries the translations until they are merged. To merge:

    python scripts/update_translations.py      # adds the new msgids, empty
    .venv/bin/python -m tests.media.catalog_additions   # fills the empty ones from here
    python scripts/update_translations.py      # compiles the .mo files

then delete this file (and test_catalog_additions in test_messages.py).
"""

from __future__ import annotations

from pathlib import Path

from partnerhub.messages import MESSAGES

TRANSLATIONS = {
    "media_path_invalid": {
        "el": "το `{value}` δεν είναι απλή διαδρομή: γράψτε τη ως `media/<όνομα αρχείου>`, με κάθετες (/) και χωρίς κενά τμήματα ή `.`",
        "fr": "`{value}` n'est pas un chemin simple : écrivez-le sous la forme `media/<nom du fichier>`, avec des barres obliques (/), sans partie vide ni `.`",
    },
    "media_outside_folder": {
        "el": "το `{value}` δεν βρίσκεται στον φάκελο data/media/: βάλτε φωτογραφίες και έγγραφα στον data/media/ και γράψτε `media/<όνομα αρχείου>`",
        "fr": "`{value}` n'est pas dans data/media/ : placez photos et documents dans data/media/ et écrivez `media/<nom du fichier>`",
    },
    "media_symlink": {
        "el": "το `{value}` είναι συμβολικός σύνδεσμος (ή βρίσκεται σε φάκελο-σύνδεσμο): οι σύνδεσμοι δεν δημοσιεύονται ποτέ, βάλτε εδώ το ίδιο το αρχείο",
        "fr": "`{value}` est un lien symbolique (ou se trouve dans un dossier lié) : les liens ne sont jamais publiés, placez ici le fichier lui-même",
    },
    "media_not_regular": {
        "el": "το `{value}` δεν είναι κανονικό αρχείο (φάκελος, named pipe, socket ή συσκευή): βάλτε εκεί την ίδια τη φωτογραφία ή το έγγραφο",
        "fr": "`{value}` n'est pas un fichier ordinaire (un dossier, un tube nommé, un socket ou un périphérique) : placez-y la photo ou le document lui-même",
    },
    "media_unreadable": {
        "el": "το `{value}` δεν μπορεί να διαβαστεί ({detail}): ελέγξτε ότι το αρχείο είναι πλήρες και αναγνώσιμο και προσθέστε το ξανά",
        "fr": "`{value}` ne peut pas être lu ({detail}) : vérifiez que le fichier est complet et lisible, puis ajoutez-le à nouveau",
    },
    "media_too_large": {
        "el": "το `{value}` είναι {size} MB, περισσότερα από τα {limit} MB που επιτρέπονται: μικρύνετέ το (για φωτογραφίες, περίπου 2000 pixel πλάτος αρκούν)",
        "fr": "`{value}` fait {size} Mo, plus que les {limit} Mo autorisés : réduisez-le (pour une photo, environ 2000 pixels de large suffisent)",
    },
    "media_empty": {
        "el": "το `{value}` είναι κενό: προσθέστε το πραγματικό αρχείο ή διαγράψτε το",
        "fr": "`{value}` est vide : ajoutez le vrai fichier, ou supprimez-le",
    },
    "media_markup": {
        "el": "το `{value}` είναι κώδικας {format}, όχι φωτογραφία ή έγγραφο: τέτοια αρχεία δεν δημοσιεύονται ποτέ· οι φωτογραφίες πρέπει να είναι JPEG, PNG ή WebP και τα έγγραφα PDF",
        "fr": "`{value}` est du balisage {format}, pas une photo ni un document : le balisage n'est jamais publié ; les photos doivent être en JPEG, PNG ou WebP, les documents en PDF",
    },
    "media_image_format": {
        "el": "το `{value}` είναι εικόνα {format}, μορφή που ο ιστότοπος δεν δημοσιεύει: αποθηκεύστε την ως JPEG (φωτογραφίες) ή PNG (σχέδια, στιγμιότυπα οθόνης)",
        "fr": "`{value}` est une image {format}, un format que le site ne publie pas : enregistrez-la en JPEG (photos) ou en PNG (dessins, captures d'écran)",
    },
    "media_unknown_type": {
        "el": "το `{value}` δεν είναι φωτογραφία JPEG, PNG ή WebP ούτε έγγραφο PDF (ελέγχθηκε το περιεχόμενό του, όχι το όνομά του): εξαγάγετέ το σε μία από αυτές τις μορφές",
        "fr": "`{value}` n'est ni une photo JPEG, PNG ou WebP ni un document PDF (son contenu a été vérifié, pas son nom) : exportez-le dans l'un de ces formats",
    },
    "media_not_photo": {
        "el": "το `{value}` είναι αρχείο {format}, όχι φωτογραφία: οι φωτογραφίες πρέπει να είναι JPEG, PNG ή WebP (ένα PDF μπαίνει στα `documents`)",
        "fr": "`{value}` est un fichier {format}, pas une photo : les photos doivent être en JPEG, PNG ou WebP (un PDF va sous `documents`)",
    },
    "media_not_document": {
        "el": "το `{value}` είναι αρχείο {format}, όχι έγγραφο: τα έγγραφα πρέπει να είναι PDF (μια φωτογραφία μπαίνει στα `photos`)",
        "fr": "`{value}` est un fichier {format}, pas un document : les documents doivent être en PDF (une photo va sous `photos`)",
    },
    "media_too_many_pixels": {
        "el": "το `{value}` έχει {megapixels} εκατομμύρια pixel, περισσότερα από τα {limit} εκατομμύρια που επιτρέπονται: μικρύνετέ το σε περίπου 2000 pixel πλάτος",
        "fr": "`{value}` compte {megapixels} millions de pixels, plus que les {limit} millions autorisés : réduisez-le à environ 2000 pixels de large",
    },
    "media_animated": {
        "el": "το `{value}` είναι κινούμενη εικόνα: ο ιστότοπος δείχνει μόνο ακίνητες φωτογραφίες (οι αναγνώστες δεν μπορούν να σταματήσουν την κίνηση), αποθηκεύστε ένα καρέ ως JPEG ή PNG",
        "fr": "`{value}` est une image animée : le site ne montre que des photos fixes (les lecteurs ne peuvent pas mettre l'animation en pause), enregistrez une seule image en JPEG ou PNG",
    },
    "media_image_damaged": {
        "el": "το `{value}` δεν μπορεί να διαβαστεί ως εικόνα {format} (είναι κατεστραμμένο ή κομμένο): εξαγάγετέ το ξανά από το πρωτότυπο",
        "fr": "`{value}` ne peut pas être lu comme une image {format} (il est endommagé ou tronqué) : exportez-le à nouveau depuis l'original",
    },
    "media_trailing_data": {
        "el": "το `{value}` έχει επιπλέον δεδομένα μετά το τέλος της εικόνας {format} (κάτι κρυμμένο μέσα του ή το βίντεο μιας «κινούμενης φωτογραφίας»): ανοίξτε το σε πρόγραμμα επεξεργασίας εικόνας και αποθηκεύστε το ξανά",
        "fr": "`{value}` contient des données après la fin de l'image {format} (quelque chose de caché, ou la vidéo d'une photo animée) : ouvrez-le dans un éditeur d'images et enregistrez-le à nouveau",
    },
    "media_pdf_damaged": {
        "el": "το `{value}` δεν είναι πλήρες PDF (λείπει η αρχή ή το τέλος του): εξαγάγετε ξανά το PDF",
        "fr": "`{value}` n'est pas un PDF complet (son début ou sa fin manque) : exportez à nouveau le PDF",
    },
    "media_pdf_active": {
        "el": "το `{value}` είναι PDF με ενεργό περιεχόμενο (`/{feature}`: σενάρια, εκκίνηση προγραμμάτων ή συνημμένα αρχεία): εξαγάγετε ή εκτυπώστε το ξανά ως απλό PDF",
        "fr": "`{value}` est un PDF à contenu actif (`/{feature}` : scripts, lancement de programmes ou fichiers joints) : exportez-le ou imprimez-le à nouveau en PDF simple",
    },
    "media_changed": {
        "el": "το `{value}` άλλαξε ενώ χτιζόταν ο ιστότοπος: χτίστε τον ξανά",
        "fr": "`{value}` a changé pendant la construction du site : relancez la construction",
    },
    "media_name_clash": {
        "el": "τα `{value}` και `{other}` θα δημοσιεύονταν με το ίδιο όνομα: μετονομάστε ένα από τα δύο",
        "fr": "`{value}` et `{other}` seraient publiés sous le même nom : renommez l'un des deux",
    },
    "media_output_failed": {
        "el": "το `{value}` δεν μπόρεσε να γραφτεί στον ιστότοπο ({detail}): ελέγξτε ότι ο φάκελος εξόδου είναι εγγράψιμος και δεν είναι σύνδεσμος",
        "fr": "`{value}` n'a pas pu être écrit dans le site ({detail}) : vérifiez que le dossier de sortie est accessible en écriture et n'est pas un lien",
    },
}


def fill(po_path: Path, lang: str) -> int:
    """Fill the empty translations of the media messages in ``po_path``; how many were filled."""
    from babel.messages.pofile import read_po, write_po

    with open(po_path, "rb") as fh:
        catalog = read_po(fh, locale=lang)
    filled = 0
    for code, texts in TRANSLATIONS.items():
        message = catalog.get(MESSAGES[code])
        if message is not None and not message.string:
            message.string = texts[lang]
            filled += 1
    with open(po_path, "wb") as fh:
        write_po(fh, catalog, omit_header=False, ignore_obsolete=True)
    return filled


if __name__ == "__main__":
    locale = Path(__file__).resolve().parents[2] / "partnerhub" / "locale"
    for language in ("el", "fr"):
        print(language, fill(locale / language / "LC_MESSAGES" / "messages.po", language))
