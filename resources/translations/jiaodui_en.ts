<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BlockEditor</name>
    <message numerus="yes">
        <location filename="../../widgets/block_editor.py" line="163"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message numerus="yes">
        <location filename="../../widgets/editing.py" line="202"/>
        <source>Replace %n match(es):</source>
        <translation>
            <numerusform>Replace %n match:</numerusform>
            <numerusform>Replace %n matches:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../widgets/export_dialog.py" line="35"/>
        <source>%n problem(s) in the content. You can go back and fix them, or export anyway (open errors are noted in the file).</source>
        <translation>
            <numerusform>%n problem in the content. You can go back and fix it, or export anyway (open errors are noted in the file).</numerusform>
            <numerusform>%n problems in the content. You can go back and fix them, or export anyway (open errors are noted in the file).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/export_dialog.py" line="112"/>
        <source>Not written: the file would not be valid NewsML-G2 (%n error(s)).</source>
        <translation>
            <numerusform>Not written: the file would not be valid NewsML-G2 (%n error).</numerusform>
            <numerusform>Not written: the file would not be valid NewsML-G2 (%n errors).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <location filename="../../widgets/find_replace.py" line="104"/>
        <source>%n block(s)</source>
        <translation>
            <numerusform>%n block</numerusform>
            <numerusform>%n blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/find_replace.py" line="105"/>
        <source>%n match(es) in the page&apos;s blocks</source>
        <translation>
            <numerusform>%n match in the page&apos;s blocks</numerusform>
            <numerusform>%n matches in the page&apos;s blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/find_replace.py" line="173"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlagsPanel</name>
    <message numerus="yes">
        <location filename="../../widgets/flags_panel.py" line="355"/>
        <source>%n flag(s)</source>
        <translation>
            <numerusform>%n flag</numerusform>
            <numerusform>%n flags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message numerus="yes">
        <location filename="../../widgets/preview_dialog.py" line="36"/>
        <source>%n block(s) will change, as one undo step:</source>
        <translation>
            <numerusform>%n block will change, as one undo step:</numerusform>
            <numerusform>%n blocks will change, as one undo step:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="66"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="67"/>
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n paragraph</numerusform>
            <numerusform>%n paragraphs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="78"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="79"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/status_bar.py" line="80"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
</TS>
