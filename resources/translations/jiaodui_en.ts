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
    <name>ChangesDialog</name>
    <message numerus="yes">
        <location filename="../../widgets/changes_dialog.py" line="48"/>
        <source>%n change(s) since the page was read:</source>
        <translation>
            <numerusform>%n change since the page was read:</numerusform>
            <numerusform>%n changes since the page was read:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message numerus="yes">
        <location filename="../../widgets/editing.py" line="178"/>
        <source>Replace %n match(es): untick those to keep.</source>
        <translation>
            <numerusform>Replace %n match: untick it to keep it.</numerusform>
            <numerusform>Replace %n matches: untick those to keep.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../widgets/export_dialog.py" line="38"/>
        <source>%n problem(s) in the content. You can go back and fix them, or export anyway (open errors are noted in the file).</source>
        <translation>
            <numerusform>%n problem in the content. You can go back and fix it, or export anyway (open errors are noted in the file).</numerusform>
            <numerusform>%n problems in the content. You can go back and fix them, or export anyway (open errors are noted in the file).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/export_dialog.py" line="152"/>
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
        <location filename="../../widgets/find_replace.py" line="186"/>
        <source>%n match(es) in this block</source>
        <translation>
            <numerusform>%n match in this block</numerusform>
            <numerusform>%n matches in this block</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/find_replace.py" line="187"/>
        <source>%n match(es) in the page</source>
        <translation>
            <numerusform>%n match in the page</numerusform>
            <numerusform>%n matches in the page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/find_replace.py" line="222"/>
        <source>%1 of %n match(es) in this block</source>
        <translation>
            <numerusform>%1 of %n match in this block</numerusform>
            <numerusform>%1 of %n matches in this block</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/find_replace.py" line="223"/>
        <source>%1 of %n match(es) in the page</source>
        <translation>
            <numerusform>%1 of %n match in the page</numerusform>
            <numerusform>%1 of %n matches in the page</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlagsPanel</name>
    <message numerus="yes">
        <location filename="../../widgets/flags_panel.py" line="355"/>
        <source>%n flag(s)</source>
        <extracomment>Why the parser read a block&apos;s lines as it did (``Block.why``), for the block&apos;s tooltip. Text commits to one block closer together than this (seconds) are one undo step. Where the window&apos;s selection goes after a redo and after an undo (see widgets/loop.py), and who takes it there; set once the command is pushed. The kinds a block can be given, with their shortcuts (from the kinds table). The narrowest a message box is drawn, so that its title and a path fit (pixels). Widest a fitted column gets (pixels); its tooltip has the whole text.</extracomment>
        <translation>
            <numerusform>%n flag</numerusform>
            <numerusform>%n flags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/flags_panel.py" line="358"/>
        <source>%n ignored</source>
        <translation>
            <numerusform>%n ignored</numerusform>
            <numerusform>%n ignored</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message numerus="yes">
        <location filename="../../widgets/preview_dialog.py" line="91"/>
        <source>%n change(s), as one undo step:</source>
        <translation>
            <numerusform>%n change, as one undo step:</numerusform>
            <numerusform>%n changes, as one undo step:</numerusform>
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
