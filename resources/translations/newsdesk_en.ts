<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ChecklistDialog</name>
    <message numerus="yes">
        <source>%n check(s) failed, so the article was not {done}.</source>
        <translation>
            <numerusform>%n check failed, so the article was not {done}.</numerusform>
            <numerusform>%n checks failed, so the article was not {done}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message numerus="yes">
        <source>Choose for %n more part(s) first</source>
        <translation>
            <numerusform>Choose for %n more part first</numerusform>
            <numerusform>Choose for %n more parts first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n article(s) ready for the site</source>
        <translation>
            <numerusform>%n article ready for the site</numerusform>
            <numerusform>%n articles ready for the site</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n article(s) to {folder}:</source>
        <translation>
            <numerusform>Exported %n article to {folder}:</numerusform>
            <numerusform>Exported %n articles to {folder}:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> %n file(s) written,</source>
        <translation>
            <numerusform> %n file written,</numerusform>
            <numerusform> %n files written,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> %n article(s) unchanged.</source>
        <translation>
            <numerusform> %n article unchanged.</numerusform>
            <numerusform> %n articles unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n approved article(s) can now be marked published.</source>
        <translation>
            <numerusform>%n approved article can now be marked published.</numerusform>
            <numerusform>%n approved articles can now be marked published.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n published</source>
        <translation>
            <numerusform>Mark %n published</numerusform>
            <numerusform>Mark %n published</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n article(s) published.</source>
        <translation>
            <numerusform>Marked %n article published.</numerusform>
            <numerusform>Marked %n articles published.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source> %n file(s) cannot be imported: select one to read why.</source>
        <translation>
            <numerusform> %n file cannot be imported: select one to read why.</numerusform>
            <numerusform> %n files cannot be imported: select one to read why.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n article(s)</source>
        <translation>
            <numerusform>Import %n article</numerusform>
            <numerusform>Import %n articles</numerusform>
        </translation>
    </message>
</context>
</TS>
