#!/usr/bin/env python3
# Run from this folder with Pillow installed (pip install pillow): python3 make-photos.py
# Makes the evidence fixtures: small photos carrying a GPS position, a camera serial number, XMP and a comment.
from PIL import Image, PngImagePlugin
img = Image.new("RGB", (16, 12))
for x in range(16):
    for y in range(12):
        img.putpixel((x, y), (x * 16, y * 20, 128))
exif = Image.Exif()
exif[0x010F] = "TruceTestCam"          # Make
exif[0x0110] = "Model 7"               # Model
exif[0xA431] = "SN-0042-TEST"          # BodySerialNumber (in the Exif IFD below)
exif[0x0112] = 6                       # Orientation: rotate 90° clockwise to show
gps = exif.get_ifd(0x8825)
gps[1] = "N"; gps[2] = (50.0, 0.0, 0.0); gps[3] = "E"; gps[4] = (36.0, 13.0, 48.0)
xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>'
img.save("photo-gps.jpg", "JPEG", quality=80, exif=exif, comment=b"taken by monitor 12", xmp=xmp)
info = PngImagePlugin.PngInfo(); info.add_text("Author", "monitor 12")
img.save("photo-gps.png", "PNG", exif=exif, pnginfo=info)
img.save("photo-gps.webp", "WEBP", exif=exif, xmp=xmp, lossless=True)
